import Foundation
import GRDB

/// An article's words as they were read: the bytes of its file, its model (docs/article-json.md,
/// compact) and its text (blocks joined by line feeds: its UTF-8 offsets are reading positions).
struct ArticleContent: Equatable, Sendable {
    var original: [UInt8], model: String, text: String
}

/// An article's `content` row since schema 2 (issue 20): the text, the original bytes and the
/// model, each a zlib stream; the original and the model deflated with the text as dictionary, so
/// that the words they repeat cost a few bytes a sentence. Schema 1 kept the three as they were,
/// about three times the input; these are about half of it (BENCHMARKS.md).
///
/// `checksum` is the FNV-1a 64 of the three as they were given, checked when they are read back
/// whole (`decoded`, `library check`): with zlib's own Adler-32 in each stream, a changed byte is
/// a damaged article, never a different one.
struct StoredContent: Sendable {
    var text: [UInt8], original: [UInt8], model: [UInt8]
    var checksum: Int64

    /// The columns, in the order of the `content` table.
    static let columns = "text, original, model, checksum"

    init(_ content: ArticleContent) throws(Deflate.Damaged) {
        let words = Array(content.text.utf8)
        let dictionary = Deflate.dictionary(words)
        text = try Deflate.compress(words)
        original = try Deflate.compress(content.original, dictionary: dictionary)
        model = try Deflate.compress(Array(content.model.utf8), dictionary: dictionary)
        checksum = Self.checksum(content.original, Array(content.model.utf8), words)
    }

    init(text: [UInt8], original: [UInt8], model: [UInt8], checksum: Int64) {
        self.text = text
        self.original = original
        self.model = model
        self.checksum = checksum
    }

    /// The row `SELECT text, original, model, checksum` read.
    init?(row: Row) {
        guard let text = Data.fromDatabaseValue(row[0]), let original = Data.fromDatabaseValue(row[1]),
              let model = Data.fromDatabaseValue(row[2]), let checksum = Int64.fromDatabaseValue(row[3])
        else { return nil }
        self.init(text: [UInt8](text), original: [UInt8](original), model: [UInt8](model), checksum: checksum)
    }

    /// The values to insert after the id, in the order of `columns`.
    var arguments: [any DatabaseValueConvertible] { [Data(text), Data(original), Data(model), checksum] }

    /// The three as they were given, checked against the checksum.
    func decoded() throws(Deflate.Damaged) -> ArticleContent {
        let words = try Deflate.inflate(text)
        let dictionary = Deflate.dictionary(words)
        let original = try Deflate.inflate(self.original, dictionary: dictionary, sizeHint: words.count)
        let model = try Deflate.inflate(self.model, dictionary: dictionary, sizeHint: words.count * 2)
        guard Self.checksum(original, model, words) == checksum else {
            throw Deflate.Damaged(description: "its bytes no longer match their checksum")
        }
        return ArticleContent(original: original, model: String(decoding: model, as: UTF8.self), text: String(decoding: words, as: UTF8.self))
    }

    /// The text alone (search, duplicates): its stream's Adler-32 is its check.
    static func text(_ stored: Data) throws(Deflate.Damaged) -> String {
        String(decoding: try textBytes(stored), as: UTF8.self)
    }

    /// The text alone as its UTF-8 bytes (valid: it was written from a `String`).
    static func textBytes(_ stored: Data) throws(Deflate.Damaged) -> [UInt8] {
        try Deflate.inflate([UInt8](stored))
    }

    /// The `content` row of article `id`, whole; nil when there is none.
    static func fetch(_ db: Database, _ id: Int64) throws -> StoredContent? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM content WHERE id = ?", arguments: [id]).flatMap(StoredContent.init(row:))
    }

    /// FNV-1a 64 of the three, each after its length (so that bytes cannot move from one to the next).
    static func checksum(_ original: [UInt8], _ model: [UInt8], _ text: [UInt8]) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        for part in [original, model, text] {
            var n = UInt64(part.count)
            for _ in 0..<8 { add(UInt8(truncatingIfNeeded: n)); n >>= 8 }
            for b in part { add(b) }
        }
        return Int64(bitPattern: h)
    }
}
