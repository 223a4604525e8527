import ArgumentParser
import DocBaoCore
import Foundation

/// Writes an article in the JSON model format (see docs/article-json.md).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export an article in the JSON model format.",
        usage: "docbao export [--format json|text] [--width <width>] [FILE]",
        discussion: "Example: docbao export --format json bai-bao.txt > bai-bao.json")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    @Option(help: "Output format: json (the article model) or text (the formatted article).")
    var format: Format = .json

    @Option(help: "Width for --format text.")
    var width: Int = 80

    mutating func validate() throws {
        try ReadingWidth.validate(width)
    }

    @Argument(help: "The article to export; '-' for stdin. Default: the bundled article.")
    var file: String?

    func run() throws {
        let article = try ArticleSource.loadOrExit(file).article
        switch format {
        case .json: Output.out(TerminalText(verbatim: try ArticleJSON.encode(article) + "\n"))
        case .text: StyledText.dump(article, width: width, theme: nil) { Output.out(TerminalText(article: $0)) }
        }
    }
}
