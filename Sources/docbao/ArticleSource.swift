import ArgumentParser
import DocBaoCore
import DocBaoApp
import DocBaoLoading
import Foundation

/// The article the reader, `--dump` and `export` open: a thin use of the loading layer
/// (`ArticleLoader`), which decides what the input is and reads it. Here: which input a command
/// line means, and the one message for a terminal on stdin.
enum ArticleSource {
    typealias Loaded = LoadedArticle

    /// Loads the article, or throws the `Failure` "docbao: reason" (status 1), which ends the command.
    /// With `preview`, a huge plain-text article comes back as its head and tail plus `whole`, so the
    /// reader can show the first screen at once.
    static func loadOrExit(_ path: String?, preview: Bool = false, force: Bool = false) throws -> Loaded {
        do {
            return try load(path, preview: preview, force: force)
        } catch let error as LoadError {
            throw Failure("docbao: \(error.description)")
        }
    }

    /// `path` ("-": stdin; a web address: the page fetched), stdin when it carries an article and no path is given, or the bundled article.
    static func load(_ path: String?, preview: Bool = false, force: Bool = false) throws -> Loaded {
        let input: ArticleInput
        if path == "-" || (path == nil && stdinCarriesAnArticle()) {
            if Platform.isTerminal(STDIN_FILENO) {
                Output.error("docbao: reading the article from the terminal; end it with Ctrl-D")
            }
            input = .standardInput
        } else if let path, WebPage.isAddress(path) {
            return try WebPage.load(path)
        } else if let path {
            input = .file(path)
        } else {
            input = .text(BundledArticle.text, name: BundledArticle.fileName)
        }
        return try ArticleLoader.load(input, preview: preview, force: force)
    }

    /// Whether stdin is a pipe or a file (as in `cmd | docbao` or `docbao < file`), rather than a
    /// terminal or /dev/null: only then does docbao read the article from it.
    static func stdinCarriesAnArticle() -> Bool { Platform.standardInputCarriesData }

    /// What the status line says when the file changed while it was read.
    static let changedNotice = ArticleLoader.changedNotice
}
