import ArgumentParser
import DocBaoCore
import Foundation

/// Opens an article full screen, or prints it when stdout is not a terminal.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read an article (the default command).")

    @Argument(help: "A .txt news article or a .json article; '-' for stdin. Default: the bundled article.")
    var file: String?

    @Option(help: "Maximum width of the reading column, in terminal columns.")
    var width: Int = 80

    @Flag(help: "Print the formatted article as plain text and exit (also when stdout is not a terminal).")
    var dump = false

    @Option(help: ArgumentHelp("Open at the first match of QUERY, matches highlighted (accents optional: \"ngoai giao\").", valueName: "query"))
    var search: String?

    @OptionGroup var matching: MatchingFlags

    mutating func validate() throws {
        guard width >= 10 else { throw ValidationError("--width must be at least 10") }
    }

    func run() throws {
        let loaded = try ArticleSource.loadOrExit(file)
        if dump || isatty(STDOUT_FILENO) == 0 {
            FileHandle.standardOutput.write(Data(PlainTextDump.render(loaded.article, width: width).utf8))
            return
        }
        var session = ReaderSession(article: loaded.article, readingWidth: width, notice: loaded.notice)
        if let search { session.search = (search, matching.options) }
        let code = try session.run()
        if code != 0 { throw ExitCode(code) }
    }
}
