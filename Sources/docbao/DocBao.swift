import ArgumentParser
import DocBaoCore
import DocBaoStore
import DocBaoTerminal
import Foundation

/// Runs `docbao`: the subcommands by their name (`Subcommand.table`), the reader otherwise.
///
/// ArgumentParser parses a command's own arguments before it looks for a subcommand, so with the
/// reader's FILE argument on the root command `docbao grep …` would open a file named "grep".
/// The first words are therefore matched here.
///
/// Every command is run with `runAsMain`, so that what ArgumentParser prints goes through `Output`
/// and a `Failure` is said once.
@main
enum Main {
    static func main() {
        Output.holdStandardDescriptors()
        let arguments = Array(rawArguments.dropFirst())
        if arguments.first == "help" {
            Subcommand.help(Array(arguments.dropFirst()))
        } else if let (subcommand, rest) = Subcommand.named(by: arguments) {
            subcommand.run(rest)
        } else if let options = ReaderOptions.fastPath(arguments) {
            // `docbao` and `docbao FILE`, the commonest, skip ArgumentParser.
            options.runAsMain()
        } else {
            DocBao.runAsMain(arguments)
        }
    }

    /// The program's arguments with their bytes: `CommandLine.arguments` replaces what is not
    /// UTF-8 with U+FFFD, and a file named so could not be opened (`FileName`).
    static var rawArguments: [String] {
        (0..<Int(CommandLine.argc)).compactMap { i in
            guard let argument = CommandLine.unsafeArgv[i] else { return nil }
            return FileName.string(fromBytes: UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
        }
    }

    /// The first words `main` takes as subcommands: never a FILE unless written as ./NAME.
    static let commandNames = Set(Subcommand.table.map { $0.words[0] } + ["help"])
}

/// The `docbao` command: opens an article full screen (by default the one read last in the
/// library), or prints it when stdout is not a terminal; its subcommands are `Subcommand.table`'s.
struct DocBao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docbao",
        abstract: "Đọc báo: a terminal reader for news articles, Vietnamese first.",
        usage: Subcommand.usage,
        discussion: """
        With no FILE, reopens the article you read last, at your place, from your library \
        ($XDG_DATA_HOME/docbao/library.sqlite); on the first run it adds the bundled article \
        to the library and opens it, and when nothing has been read yet it shows the library. \
        stdin is read instead when it is a pipe or a file; when stdout is not a terminal, the \
        bundled article is printed.

        A FILE is read where it is, outside the library, which keeps your place and marks in \
        it by its content (a copy under another name opens at the same place). Several FILEs \
        are read one after another: :n the next, :p the previous, as in less. An ID (a number \
        from docbao list, when no file has that name) opens that library article. A DIR opens \
        as a temporary library of its .txt, .json and .html files (nothing is added to yours), \
        and a FEED file (RSS, Atom, JSON Feed) as one of its entries. A URL (http://, https://) \
        is fetched: a page opens as its article, a feed as a temporary library. To open \
        a FILE named like a subcommand (export, add, library, help…), write it as ./export.

        The library keeps each article with your reading position and marks; your files are \
        never changed. A damaged library is never reset: docbao library check says what is \
        wrong, --repair sets the file aside and starts anew with what can be read.

        Settings come from $XDG_CONFIG_HOME/docbao/config.toml (see docbao config --default); \
        options given here win over the config file.

        Examples:
          docbao                         go on reading where you stopped
          docbao bai-bao.txt             open a plain-text news article
          docbao a.txt b.txt c.txt       read three, :n and :p between them
          docbao 12                      library article 12 (ids: docbao list)
          docbao bai-bao.json            open an article in the JSON model format
          cat bai-bao.txt | docbao       read from a pipe, keys from the terminal
          docbao --dump --width 60 FILE  print the formatted article and exit
          docbao --search "ngoai giao"   open at the first match, highlighted
          docbao add ~/bao/              add a folder's articles to the library
          docbao library                 browse, filter and search the library
          docbao search "dau tranh"      the articles that mention "đấu tranh"
          docbao ~/Downloads/bao/        browse a folder without adding it
          docbao export --format json FILE > bai.json
          docbao grep "dau tranh" *.txt
        """,
        version: "0.1.0",
        subcommands: Subcommand.commands(under: [])
    )

    @Argument(help: "A .txt news article or a .json article ('-' for stdin), several to read one after another (:n, :p), a folder to browse as a temporary library, or a library article's id (docbao list). Default: the article read last in the library.")
    var files: [String] = []

    @Option(help: "Maximum width of the reading column, in terminal columns (default 80, or the config's).")
    var width: Int?

    @Flag(help: "Print the formatted article as plain text and exit (also when stdout is not a terminal).")
    var dump = false

    @Option(help: ArgumentHelp("Open at the first match of QUERY, matches highlighted (accents optional: \"ngoai giao\").", valueName: "query"))
    var search: String?

    @OptionGroup var matching: MatchingFlags

    @Option(help: ArgumentHelp("Where Telex/VNI typing in the search prompt puts tones: traditional (hòa, khỏe, thủy) or modern (hoà, khoẻ, thuỷ).", valueName: "style"))
    var tones: TonePlacement?

    @Option(help: ArgumentHelp("The search prompt's input method at start: off, telex or vni (Ctrl-T cycles it).", valueName: "method"))
    var input: InputMethod?

    @Option(help: ArgumentHelp("Colour theme: auto (default: asks the terminal whether its background is light), dark, light or mono.", valueName: "theme"))
    var theme: ThemeName?

    @Option(help: ArgumentHelp("Colour in --dump output: auto (none), always or never. The reader follows NO_COLOR.", valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(help: "Open a file that looks binary (NUL bytes) anyway, showing its controls and bad bytes as placeholders.")
    var force = false

    @Option(help: ArgumentHelp("Read this config file instead of $XDG_CONFIG_HOME/docbao/config.toml.", valueName: "path"))
    var config: String?

    @OptionGroup var libraryOption: LibraryOption

    /// `docbao library`: start in the library view.
    @Flag(name: .customLong("library-view"), help: .hidden)
    var libraryView = false

    mutating func validate() throws {
        if let width { try ReadingWidth.validate(width) }
    }

    /// The parsed options as the plain value the reader runs on (`ReaderOptions.run`).
    var options: ReaderOptions {
        ReaderOptions(file: files.first, otherFiles: Array(files.dropFirst()), width: width, dump: dump, search: search, exact: matching.exact, word: matching.word,
                      tones: tones, input: input, theme: theme, color: color, force: force, config: config,
                      library: libraryOption.library, libraryView: libraryView)
    }

    func run() throws {
        try options.run()
    }
}
