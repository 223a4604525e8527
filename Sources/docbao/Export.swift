import ArgumentParser
import DocBaoCore
import Foundation

/// Writes an article in the JSON model format (see docs/article-json.md), as formatted text or as
/// Markdown: a file, stdin, or a library article by its id.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export an article in the JSON model format, as text or as Markdown.",
        usage: "docbao export [--format json|text|markdown] [--width <width>] [FILE|ID]",
        discussion: """
        Examples:
          docbao export --format json bai-bao.txt > bai-bao.json
          docbao export --format markdown 12 > bai-12.md     (12: an id from docbao list)
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, markdown }

    @Option(help: "Output format: json (the article model), text (the formatted article) or markdown.")
    var format: Format = .json

    @Option(help: "Width for --format text.")
    var width: Int = 80

    @OptionGroup var libraryOption: LibraryOption

    mutating func validate() throws {
        try ReadingWidth.validate(width)
    }

    @Argument(help: "The article to export: a file ('-' for stdin) or a library article's id (docbao list). Default: the bundled article.")
    var file: String?

    func run() throws {
        let options = ReaderOptions(file: file, library: libraryOption.library)
        let article: Article
        if let id = options.libraryID {
            let store = try LibraryAccess.open(libraryOption.library, command: "docbao export")
            article = try ReaderOptions.libraryArticle(id, in: store, command: "docbao export")
        } else {
            article = try ArticleSource.loadOrExit(file).article
        }
        switch format {
        case .json: Output.out(TerminalText(verbatim: try ArticleJSON.encode(article) + "\n"))
        case .text: StyledText.dump(article, width: width, theme: nil, meta: false) { Output.out(TerminalText(article: $0)) }
        case .markdown: Output.out(TerminalText(article: MarkdownExport.render(article)))
        }
    }
}
