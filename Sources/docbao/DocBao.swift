import ArgumentParser
import DocBaoCore
import Foundation

/// Runs `docbao`: the subcommands by their name, the reader otherwise.
///
/// ArgumentParser parses a command's own arguments before it looks for a subcommand, so with the
/// reader's FILE argument on the root command `docbao grep …` would open a file named "grep".
/// The first word is therefore matched here.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "export": Export.main(Array(arguments.dropFirst()))
        case "grep": Grep.main(Array(arguments.dropFirst()))
        case "help":
            switch arguments.dropFirst().first {
            case "export": Export.main(["--help"])
            case "grep": Grep.main(["--help"])
            default: DocBao.main(["--help"])
            }
        default: DocBao.main(arguments)
        }
    }
}

/// The `docbao` command: opens an article full screen, or prints it when stdout is not a terminal;
/// `export` and `grep` are its subcommands.
struct DocBao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docbao",
        abstract: "Đọc báo: a terminal reader for news articles, Vietnamese first.",
        usage: "docbao [options] [FILE]\n  docbao export [--format json|text] [FILE]\n  docbao grep [--exact] [--word] [-c] QUERY FILE...",
        discussion: """
        With no FILE, opens the bundled article (or reads stdin when it is a pipe or a file).
        A FILE named like a subcommand (export, grep, help) is opened as ./export.
        Examples:
          docbao                         open the bundled article
          docbao bai-bao.txt             open a plain-text news article
          docbao bai-bao.json            open an article in the JSON model format
          cat bai-bao.txt | docbao       read from a pipe, keys from the terminal
          docbao --dump --width 60 FILE  print the formatted article and exit
          docbao --search "ngoai giao"   open at the first match, highlighted
          docbao export --format json FILE > bai.json
          docbao grep "dau tranh" *.txt
        """,
        version: "0.1.0",
        subcommands: [Export.self, Grep.self]
    )

    @Argument(help: "A .txt news article or a .json article; '-' for stdin. Default: the bundled article.")
    var file: String?

    @Option(help: "Maximum width of the reading column, in terminal columns.")
    var width: Int = 80

    @Flag(help: "Print the formatted article as plain text and exit (also when stdout is not a terminal).")
    var dump = false

    @Option(help: ArgumentHelp("Open at the first match of QUERY, matches highlighted (accents optional: \"ngoai giao\").", valueName: "query"))
    var search: String?

    @OptionGroup var matching: MatchingFlags

    @Option(help: ArgumentHelp("Where Telex/VNI typing in the search prompt puts tones: traditional (hòa, khỏe, thủy) or modern (hoà, khoẻ, thuỷ).", valueName: "style"))
    var tones: TonePlacement = .traditional

    @Option(help: ArgumentHelp("The search prompt's input method at start: off, telex or vni (Ctrl-T cycles it).", valueName: "method"))
    var input: InputMethod = .off

    mutating func validate() throws {
        try ReadingWidth.validate(width)
    }

    func run() throws {
        let loaded = try ArticleSource.loadOrExit(file)
        if dump || isatty(STDOUT_FILENO) == 0 {
            FileHandle.standardOutput.write(Data(PlainTextDump.render(loaded.article, width: width).utf8))
            return
        }
        var session = ReaderSession(article: loaded.article, readingWidth: width, notice: loaded.notice)
        if let search { session.search = (search, matching.options) }
        session.promptDefaults = Prompt.Defaults(options: matching.options, inputMethod: input, placement: tones)
        let code = try session.run()
        if code != 0 { throw ExitCode(code) }
    }
}
