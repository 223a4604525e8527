import DocBaoCore
import Foundation

/// Where an article comes from.
public enum ArticleInput: Sendable, Equatable {
    /// A file (or a device, a named pipe) at a path.
    case file(String)
    /// Standard input (`-`, or a pipe).
    case standardInput
    /// Text the program holds (the bundled article), with the name it is known by.
    case text(String, name: String)
    /// A page fetched from the web (`FetchedArticle.swift`).
    case fetched(FetchedBytes)

    /// "-": stdin; any other path: that file.
    public static func path(_ path: String) -> ArticleInput { path == "-" ? .standardInput : .file(path) }

    /// The name its kind is decided by (nil: stdin, which has none) and said in messages.
    var name: String? {
        switch self {
        case .file(let path): return path
        case .standardInput: return nil
        case .text(_, let name): return name
        case .fetched(let page): return page.address
        }
    }
}

/// An article loaded from an input, and what the reader should say about it.
public struct LoadedArticle {
    public var article: Article
    /// The kind it was read as.
    public var kind: ArticleKind
    /// Something the status line should say about the input (replaced bytes…).
    public var notice: String?
    /// For a huge article opened on a preview (`article` is its head and tail): where the tail
    /// starts, and what imports the whole.
    public var tailStart: Int? = nil
    public var whole: (@Sendable () -> (article: Article, notice: String?))?
    /// For a huge file opened on a preview: its path and the bytes the preview does not show,
    /// which a search scans while the whole imports (`FileScan`).
    public var middle: (path: String, range: Range<Int>)?
    /// Whether the file changed while it was read (it shrank, grew or was written): what was
    /// read may be a part of it. For an article whose text stays in its file (`textFile`), asked
    /// again after the text was read back.
    public var changed: Bool { readChanged || (textFile?.changedSinceOpened ?? false) || (textFile?.hasChanged ?? false) }
    public var readChanged = false
    public var textFile: FileBytes.OpenFile? = nil

    public init(article: Article, kind: ArticleKind = .plainText, notice: String? = nil, tailStart: Int? = nil,
                whole: (@Sendable () -> (article: Article, notice: String?))? = nil, textFile: FileBytes.OpenFile? = nil) {
        self.article = article
        self.kind = kind
        self.notice = notice
        self.tailStart = tailStart
        self.whole = whole
        self.textFile = textFile
    }
}

/// A failure to read an article: "NAME: reason", and the hint that --force reads a binary file.
public struct LoadError: Error, CustomStringConvertible {
    public let name: String
    /// Why, as a phrase ("empty file", "no such file"…).
    public let reason: String
    public let binary: Bool

    public var description: String { "\(name): \(reason)" + (binary ? "; --force opens it anyway" : "") }
}

/// Input → bytes → kind → importer → `Article`, for every command that reads an article: the
/// reader and `--dump`, `export` (`load`), `add` and `docbao DIR` (`loadWhole`); `grep` reads
/// lines through `ArticleLines`, which decides the kind the same way (`ArticleImporters.decide`).
public enum ArticleLoader {
    /// Loads the article. With `preview`, a huge plain-text article comes back as its head and tail
    /// plus `whole`, so the reader can show the first screen at once; without, a huge plain-text
    /// file is imported in pieces, its text left in the file.
    public static func load(_ input: ArticleInput, preview: Bool = false, force: Bool = false) throws(LoadError) -> LoadedArticle {
        switch input {
        case .text(let text, let name):
            return try parse(Array(text.utf8), name: name, decisionName: name, preview: false, force: false)
        case .fetched(let page):
            let imported = try loadFetched(page)
            return LoadedArticle(article: imported.article, kind: imported.kind, notice: replacedNotice(imported.replacedBytes))
        case .standardInput:
            let contents: FileBytes.Contents
            do { contents = try FileBytes.readAll(STDIN_FILENO, refusingBinary: !force) } catch {
                throw LoadError(name: "stdin", reason: error.description, binary: error.binary)
            }
            var loaded = try parse(contents.bytes, name: "stdin", decisionName: nil, preview: preview, force: force)
            loaded.readChanged = contents.changed
            return loaded
        case .file(let path):
            do {
                return try load(path: path, preview: preview, force: force)
            } catch let error as FileBytes.ReadError {
                throw LoadError(name: path, reason: error.description, binary: error.binary)
            } catch let error as LoadError {
                throw error
            } catch {
                throw LoadError(name: path, reason: "\(error)", binary: false)
            }
        }
    }

    private static func load(path: String, preview: Bool, force: Bool) throws -> LoadedArticle {
        let info = try FileBytes.status(path)
        let named = ArticleImporters.importer(forName: path)
        if named == nil || named?.kind == .plainText, Platform.fileType(info) == .regular,
           Int(info.st_size) > PlainTextImporter.previewThreshold {
            let loaded = preview ? try previewFromEnds(path: path, size: Int(info.st_size), force: force)
                                 : try importInPlace(path: path, force: force)
            if let loaded { return loaded }
        }
        let contents = try FileBytes.readFile(path: path, refusingBinary: !force)
        var loaded = try parse(contents.bytes, name: path, decisionName: path, preview: preview, force: force)
        loaded.readChanged = contents.changed
        return loaded
    }

    /// The whole of the file at `path` and its article, for the library (`add`, `docbao DIR`): a
    /// binary file, or one that changed while it was read, is refused.
    public static func loadWhole(path: String) throws(LoadError) -> (imported: ImportedArticle, bytes: [UInt8]) {
        let contents: FileBytes.Contents
        do { contents = try FileBytes.readFile(path: path, refusingBinary: true) } catch {
            throw LoadError(name: path, reason: error.description, binary: false)
        }
        if contents.changed { throw LoadError(name: path, reason: "changed while being read", binary: false) }
        do {
            return (try ArticleImporters.importArticle(contents.bytes, name: path), contents.bytes)
        } catch {
            throw LoadError(name: path, reason: error.description, binary: false)
        }
    }

    /// A huge plain-text file imported in pieces, its text left in the file (`Block.isFiled`) and
    /// read back as it is laid out: `--dump` and `export` of 100 MB hold the article's shape, not
    /// its bytes. Nil when the file is better read whole (UTF-16 or UTF-32, maybe another kind, a blank start).
    private static func importInPlace(path: String, force: Bool) throws -> LoadedArticle? {
        let pieces = try FileBytes.Pieces(path: path, refusingBinary: !force)
        let head = pieces.file.bytes(at: 0, count: PlainTextImporter.previewSpan)
        guard !PlainTextImporter.Encoding(start: Array(head.prefix(4))).isWide,
              ArticleImporters.decide(name: path, head: head).kind == .plainText,
              head.contains(where: { $0 > 0x20 }) else { return nil }
        let imported = try ArticleImporters.fallback.importArticle(pieces: pieces)
        return LoadedArticle(article: imported.article, kind: .plainText, notice: replacedNotice(imported.replacedBytes), textFile: pieces.file)
    }

    /// A huge file's preview from two small reads, its first and last bytes, and the rest read and
    /// imported in the background: the first screen of 100 MB costs what the first of 100 KB does.
    /// Nil when the file is better read whole (UTF-16, maybe another kind, blank ends). Binary files
    /// are told, like grep does, by a NUL byte in the part read.
    private static func previewFromEnds(path: String, size: Int, force: Bool) throws -> LoadedArticle? {
        let fd = FileName.withCString(path) { open($0, O_RDONLY) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let span = PlainTextImporter.previewSpan
        guard let head = FileBytes.readAt(fd, offset: 0, count: span), let tail = FileBytes.readAt(fd, offset: size - span, count: span),
              head.count == span, tail.count == span,
              PlainTextImporter.wantsPreview(count: size, start: head),
              ArticleImporters.decide(name: path, head: head).kind == .plainText,
              (head + tail).contains(where: { $0 > 0x20 }) else { return nil }
        if !force, PlainTextImporter.looksBinary(head) || PlainTextImporter.looksBinary(tail) {
            throw LoadError(name: path, reason: ArticleBytes.Failure.binary.description, binary: true)
        }
        let shown = PlainTextImporter.preview(head: head, tail: tail)
        let article = shown.article
        var loaded = LoadedArticle(article: article, kind: .plainText, tailStart: shown.tailStart, whole: {
            // Read in pieces, twice, rather than whole: the import holds the article, not the bytes.
            do {
                let pieces = try FileBytes.Pieces(path: path, refusingBinary: !force)
                let imported = try ArticleImporters.fallback.importArticle(pieces: pieces)
                return (imported.article, pieces.file.changedSinceOpened ? changedNotice : replacedNotice(imported.replacedBytes))
            } catch {
                return (article, "Không đọc được phần còn lại của tệp (\(error))")
            }
        })
        loaded.middle = (path, shown.headCount..<(size - shown.tailCount))
        return loaded
    }

    /// The article in `bytes`, its kind decided by `decisionName` (nil: by content only).
    private static func parse(_ bytes: [UInt8], name: String, decisionName: String?, preview: Bool, force: Bool) throws(LoadError) -> LoadedArticle {
        do {
            try ArticleBytes.check(bytes, force: force)
            let decision = ArticleImporters.decide(name: decisionName, head: bytes)
            if preview, decision.kind == .plainText, let shown = PlainTextImporter.preview(of: bytes) {
                // The bytes are handed over once, so they are freed when the import is done rather
                // than kept alive by the closure for the whole session.
                let input = Mailbox(bytes)
                return LoadedArticle(article: shown.article, kind: .plainText, tailStart: shown.tailStart, whole: {
                    let (article, replaced) = PlainTextImporter.importArticle(bytes: input.take()!)
                    return (article, replacedNotice(replaced))
                })
            }
            let imported = try ArticleImporters.importArticle(bytes, as: decision)
            return LoadedArticle(article: imported.article, kind: imported.kind, notice: replacedNotice(imported.replacedBytes))
        } catch {
            throw LoadError(name: name, reason: error.description, binary: error == .binary)
        }
    }

    /// What the status line says when the file changed while it was read.
    public static let changedNotice = "Tệp đã thay đổi trong khi đọc: bài có thể thiếu một phần"

    /// What the status line says when bytes were not valid UTF-8.
    public static func replacedNotice(_ replaced: Int) -> String? {
        replaced > 0 ? "\(replaced) byte không hợp lệ (UTF-8) đã được thay bằng �" : nil
    }
}
