import DocBaoCore
import Foundation

/// The lines `docbao grep` searches, read from a file or stdin a piece at a time: a file of 100 MB,
/// or one without end, costs a line and a piece, not all its bytes, its text and its lines.
/// The kind of the input is decided as for every other command (`ArticleImporters.decide`, on the
/// name and the first bytes). Plain text is streamed: each line is the file's line decoded and
/// cleaned (`TextSanitizer.clean`), numbered as the lines of the whole file cleaned at once are (a
/// lone CR ends a line too). Another kind (a JSON article) is read whole and its article's text is
/// searched, one line a block, as the reader shows it.
public enum ArticleLines {
    /// How much is read at a time.
    static let pieceSize = 256 << 10

    /// Calls `body` with each line of the file at `path` ("-": stdin) and its number from 1; returns
    /// the kind the input was read as. Throws `binary` at a NUL byte (but in UTF-16 or UTF-32)
    /// unless `force`, `tooLong` for a line longer than `FileBytes.streamLimit`, and why an input
    /// named as another kind is not an article of it.
    @discardableResult
    public static func forEach(in path: String, force: Bool, _ body: (Int, String) -> Void) throws(FileBytes.ReadError) -> ArticleKind {
        if path == "-" { return try forEach(fd: STDIN_FILENO, name: nil, force: force, body) }
        let info = try FileBytes.status(path)
        guard Platform.fileType(info) != .directory else { throw FileBytes.ReadError(description: "is a directory") }
        let fd = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw unreadable() }
        defer { close(fd) }
        return try forEach(fd: fd, name: path, force: force, body)
    }

    /// `forEach` on an open descriptor; `name` (nil for stdin) is what the kind is decided by.
    @discardableResult
    public static func forEach(fd: Int32, name: String?, force: Bool, _ body: (Int, String) -> Void) throws(FileBytes.ReadError) -> ArticleKind {
        var pending: [UInt8] = []
        var number = 0
        var wide: Bool?
        // Where the line feeds not yet looked for start in `pending`.
        var unscanned = 0
        var decision = name.flatMap { ArticleImporters.importer(forName: $0) }.map { KindDecision(kind: $0.kind, byName: true) }
        func emit(_ raw: ArraySlice<UInt8>) {
            let text = TextSanitizer.clean(PlainTextImporter.decodeUTF8(raw).text)
            guard text.utf8.contains(0x0A) else {
                number += 1
                return body(number, text)
            }
            // Cleaning made a lone CR a line end: each part is a line, as in the whole text.
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                number += 1
                body(number, String(line))
            }
        }
        while true {
            let start = pending.count
            let n = try read(fd, appendingTo: &pending)
            if wide == nil, pending.count >= 4 || n == 0 {
                wide = PlainTextImporter.Encoding(start: Array(pending.prefix(4))).isWide
                if wide == true {
                    let kind = decision ?? ArticleImporters.decide(name: nil, head: pending)
                    return try forEachWhole(fd: fd, start: pending, decision: kind, wide: true, force: force, body)
                }
            }
            if !force, pending[start...].withUnsafeBytes({ piece in piece.baseAddress.map { memchr($0, 0, piece.count) != nil } ?? false }) {
                throw .binary
            }
            // Without a name that says it, the kind is told by the first bytes that are not blank.
            if decision == nil, n == 0 || pending.count >= ArticleImporters.headSize || pending[start...].contains(where: { $0 > 0x20 }) {
                decision = ArticleImporters.decide(name: nil, head: pending)
            }
            guard let decision else { continue }
            if decision.kind != .plainText {
                return try forEachWhole(fd: fd, start: pending, decision: decision, wide: false, force: force, body)
            }
            if n == 0 { break }
            // The lines ended in what was read, each without its LF (and the CR of a CR LF).
            var lineStart = 0
            for lf in lineFeeds(in: pending, from: unscanned) {
                var end = lf
                if end > lineStart, pending[end - 1] == 0x0D { end -= 1 }
                emit(pending[lineStart..<end])
                lineStart = lf + 1
            }
            pending.removeFirst(lineStart)
            unscanned = pending.count
            if pending.count > FileBytes.streamLimit {
                throw FileBytes.ReadError(description: "a line of more than \(FileBytes.streamLimit >> 20) MB, not an article")
            }
        }
        // The last line, empty after a final line feed.
        emit(pending[...])
        return .plainText
    }

    /// Input read whole (`start` and the rest, up to `FileBytes.streamLimit`): UTF-16 or UTF-32, or
    /// another kind than plain text, whose article's text is searched. A kind guessed from the
    /// first bytes that is wrong after all is read as plain text, as the reader does.
    private static func forEachWhole(fd: Int32, start: [UInt8], decision: KindDecision, wide: Bool, force: Bool,
                                     _ body: (Int, String) -> Void) throws(FileBytes.ReadError) -> ArticleKind {
        var bytes = start
        while true {
            let from = bytes.count
            guard try read(fd, appendingTo: &bytes) > 0 else { break }
            if !wide, !force, bytes[from...].withUnsafeBytes({ memchr($0.baseAddress!, 0, $0.count) != nil }) { throw .binary }
            if bytes.count > FileBytes.streamLimit { throw .tooLong }
        }
        if decision.kind != .plainText {
            do {
                try ArticleBytes.check(bytes, force: true)
                let article = try ArticleImporters.importer(of: decision.kind).importArticle(bytes).article
                for (n, line) in ArticleBytes.plainText(article).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    body(n + 1, String(line))
                }
                return decision.kind
            } catch where !decision.byName {
                // Not of the guessed kind: its lines, as plain text.
            } catch {
                throw FileBytes.ReadError(description: error.description)
            }
        }
        let text = TextSanitizer.clean(PlainTextImporter.decode(bytes).text)
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() { body(n + 1, String(line)) }
        return .plainText
    }

    /// The offsets of the line feeds in `bytes` from `from` on, found with memchr.
    private static func lineFeeds(in bytes: [UInt8], from: Int) -> [Int] {
        bytes.withUnsafeBytes { buffer in
            var found: [Int] = []
            var at = from
            while at < buffer.count, let hit = memchr(buffer.baseAddress! + at, 0x0A, buffer.count - at) {
                at = buffer.baseAddress!.distance(to: UnsafeRawPointer(hit)) + 1
                found.append(at - 1)
            }
            return found
        }
    }

    /// Reads up to `pieceSize` bytes onto the end of `bytes`: how many (0 at the end).
    private static func read(_ fd: Int32, appendingTo bytes: inout [UInt8]) throws(FileBytes.ReadError) -> Int {
        let start = bytes.count
        var n = -1
        bytes.append(contentsOf: repeatElement(0, count: pieceSize))
        repeat {
            n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + start, pieceSize) }
        } while n < 0 && errno == EINTR
        bytes.removeSubrange((start + max(0, n))...)
        if n < 0 { throw unreadable() }
        return n
    }

    private static func unreadable() -> FileBytes.ReadError {
        FileBytes.ReadError(description: "cannot be read (\(String(cString: strerror(errno))))")
    }
}
