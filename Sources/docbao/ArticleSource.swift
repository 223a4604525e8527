import ArgumentParser
import DocBaoCore
import DocBaoApp
import DocBaoLibrary
import Foundation

/// Where an article comes from: a file, stdin, or the bundled article; and how it is parsed.
enum ArticleSource {
    struct Loaded {
        var article: Article
        /// Something the status line should say about the input (replaced bytes…).
        var notice: String?
        /// For a huge article opened on a preview (`article` is its head and tail): where the tail
        /// starts, and what imports the whole.
        var tailStart: Int? = nil
        var whole: (@Sendable () -> (article: Article, notice: String?))?
        /// Whether the file changed while it was read (it shrank, grew or was written): what was
        /// read may be a part of it. For an article whose text stays in its file (`textFile`), asked
        /// again after the text was read back.
        var changed: Bool { readChanged || (textFile?.changedSinceOpened ?? false) || (textFile?.hasChanged ?? false) }
        var readChanged = false
        var textFile: FileBytes.OpenFile? = nil
    }

    /// A failure to read an article, printed as "docbao: …" with exit status 1.
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    /// Loads the article, or prints "docbao: reason" on stderr and exits with status 1.
    /// With `preview`, a huge plain-text article comes back as its head and tail plus `whole`, so the
    /// reader can show the first screen at once.
    static func loadOrExit(_ path: String?, preview: Bool = false, force: Bool = false) throws -> Loaded {
        do {
            return try load(path, preview: preview, force: force)
        } catch let error as LoadError {
            Output.error("docbao: \(error.description)")
            throw ExitCode(1)
        }
    }

    static func load(_ path: String?, preview: Bool = false, force: Bool = false) throws -> Loaded {
        if path == "-" || (path == nil && stdinCarriesAnArticle()) {
            if isatty(STDIN_FILENO) != 0 {
                Output.error("docbao: reading the article from the terminal; end it with Ctrl-D")
            }
            let contents: FileBytes.Contents
            do { contents = try FileBytes.readAll(STDIN_FILENO, refusingBinary: !force) } catch {
                throw LoadError(description: "stdin: \(error)" + (error.binary ? "; --force opens it anyway" : ""))
            }
            var loaded = try parse(contents.bytes, name: "stdin", json: nil, preview: preview, force: force)
            loaded.readChanged = contents.changed
            return loaded
        }
        guard let path else {
            return try parse(Array(BundledArticle.text.utf8), name: BundledArticle.fileName, json: false, preview: false, force: false)
        }
        do {
            let info = try FileBytes.status(path)
            let json = ArticleBytes.isJSON(path: path)
            if preview, json != true, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > PlainTextImporter.previewThreshold,
               let loaded = try previewFromEnds(path: path, size: Int(info.st_size), json: json, force: force) {
                return loaded
            }
            if !preview, json != true, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > PlainTextImporter.previewThreshold,
               let loaded = try importInPlace(path: path, json: json, force: force) {
                return loaded
            }
            let contents = try FileBytes.readFile(path: path, refusingBinary: !force)
            var loaded = try parse(contents.bytes, name: path, json: json, preview: preview, force: force)
            loaded.readChanged = contents.changed
            return loaded
        } catch let error as FileBytes.ReadError {
            throw LoadError(description: "\(path): \(error)" + (error.binary ? "; --force opens it anyway" : ""))
        }
    }

    /// A huge plain-text file imported in pieces, its text left in the file (`Block.isFiled`) and
    /// read back as it is laid out: `--dump` and `export` of 100 MB hold the article's shape, not
    /// its bytes. Nil when the file is better read whole (UTF-16 or UTF-32, maybe JSON, a blank start).
    private static func importInPlace(path: String, json: Bool?, force: Bool) throws -> Loaded? {
        let pieces = try FileBytes.Pieces(path: path, refusingBinary: !force)
        let head = pieces.file.bytes(at: 0, count: PlainTextImporter.previewSpan)
        guard !PlainTextImporter.Encoding(start: Array(head.prefix(4))).isWide,
              !(json == nil && ArticleBytes.startsLikeJSON(head)),
              head.contains(where: { $0 > 0x20 }) else { return nil }
        let (article, replaced) = try PlainTextImporter.importArticle(source: pieces)
        return Loaded(article: article, notice: replacedNotice(replaced), textFile: pieces.file)
    }

    /// A huge file's preview from two small reads, its first and last bytes, and the rest read and
    /// imported in the background: the first screen of 100 MB costs what the first of 100 KB does.
    /// Nil when the file is better read whole (UTF-16, maybe JSON, blank ends). Binary files are
    /// told, like grep does, by a NUL byte in the part read.
    private static func previewFromEnds(path: String, size: Int, json: Bool?, force: Bool) throws -> Loaded? {
        let fd = FileName.withCString(path) { open($0, O_RDONLY) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let span = PlainTextImporter.previewSpan
        guard let head = FileBytes.readAt(fd, offset: 0, count: span), let tail = FileBytes.readAt(fd, offset: size - span, count: span),
              head.count == span, tail.count == span,
              PlainTextImporter.wantsPreview(count: size, start: head),
              !(json == nil && head.first(where: { $0 > 0x20 }) == UInt8(ascii: "{")),
              (head + tail).contains(where: { $0 > 0x20 }) else { return nil }
        if !force, PlainTextImporter.looksBinary(head) || PlainTextImporter.looksBinary(tail) {
            throw LoadError(description: "\(path): binary file (it holds NUL bytes), not an article; --force opens it anyway")
        }
        let shown = PlainTextImporter.preview(head: head, tail: tail)
        let article = shown.article
        return Loaded(article: article, notice: nil, tailStart: shown.tailStart, whole: {
            // Read in pieces, twice, rather than whole: the import holds the article, not the bytes.
            do {
                let pieces = try FileBytes.Pieces(path: path, refusingBinary: !force)
                let (whole, replaced) = try PlainTextImporter.importArticle(source: pieces)
                return (whole, pieces.file.changedSinceOpened ? changedNotice : replacedNotice(replaced))
            } catch {
                return (article, "Không đọc được phần còn lại của tệp (\(error))")
            }
        })
    }

    /// Whether stdin is a pipe or a file (as in `cmd | docbao` or `docbao < file`), rather than a
    /// terminal or /dev/null: only then does docbao read the article from it.
    static func stdinCarriesAnArticle() -> Bool {
        var info = stat()
        guard fstat(STDIN_FILENO, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFREG || type == S_IFSOCK
    }

    private static func parse(_ bytes: [UInt8], name: String, json: Bool?, preview: Bool, force: Bool) throws -> Loaded {
        do {
            try ArticleBytes.check(bytes, force: force)
            if preview, json == false || (json == nil && !ArticleBytes.startsLikeJSON(bytes)),
               let shown = PlainTextImporter.preview(of: bytes) {
                // The bytes are handed over once, so they are freed when the import is done rather
                // than kept alive by the closure for the whole session.
                let input = Mailbox(bytes)
                return Loaded(article: shown.article, notice: nil, tailStart: shown.tailStart, whole: {
                    let (article, replaced) = PlainTextImporter.importArticle(bytes: input.take()!)
                    return (article, replacedNotice(replaced))
                })
            }
            let (article, replaced) = try ArticleBytes.article(from: bytes, json: json)
            return Loaded(article: article, notice: replacedNotice(replaced))
        } catch {
            throw LoadError(description: "\(name): \(error)" + (error == .binary ? "; --force opens it anyway" : ""))
        }
    }

    /// What the status line says when the file changed while it was read.
    static let changedNotice = "Tệp đã thay đổi trong khi đọc: bài có thể thiếu một phần"

    /// What the status line says when bytes were not valid UTF-8.
    static func replacedNotice(_ replaced: Int) -> String? {
        replaced > 0 ? "\(replaced) byte không hợp lệ (UTF-8) đã được thay bằng �" : nil
    }
}
