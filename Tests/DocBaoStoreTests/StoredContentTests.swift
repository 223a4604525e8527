import DocBaoCore
@testable import DocBaoLoading
@testable import DocBaoStore
import Foundation
import GRDB
import TestCorpus
import Testing

/// Schema 2's `content` rows (issue 20): each article's text, original bytes and model deflated,
/// read back byte for byte, a fraction of the input; a byte changed inside them is damage that
/// `library check` names and a repair leaves out.
@Suite struct StoredContentTests {
    /// Real articles of every shape the corpus has: plain text in two layouts, NFD text, JSON.
    static let files = ["articles/31-suc-khoe-21477826.txt", "articles/46-edge-21473754.txt",
                        "articles-dantri/news_entertainment_011.txt", "articles/50-edge-21475566.txt"].map { Corpus.testdata + "/" + $0 }

    func added(_ lib: TemporaryLibrary, _ files: [String] = files) throws -> [Int64] {
        let store = try lib.open()
        return try store.add(try files.map(prepared)).map { outcome -> Int64 in
            guard case .added(let id) = outcome else { Issue.record("not added: \(outcome)"); return 0 }
            return id
        }
    }

    @Test func everyArticleReadsBackByteForByteFromAFractionOfItsSize() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let ids = try added(lib)
        let store = try lib.open()
        var input = 0
        for (id, file) in zip(ids, Self.files) {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            input += bytes.count
            let article = try LibraryImport.prepare(file).get()
            #expect(try store.original(id) == bytes)
            let read = try #require(try store.article(id))
            #expect(ArticleBytes.plainText(read) == article.text)
            #expect(try store.search(read.title).hits.contains { $0.id == id })
        }
        // Three copies of the words once took three times the input; deflated against the text,
        // less than the input (a short article gains less than a long one).
        let stored = try DatabaseQueue(path: lib.path).read { db in
            try Int.fetchOne(db, sql: "SELECT sum(length(text) + length(original) + length(model)) FROM content") ?? 0
        }
        #expect(stored * 4 < input * 3, "\(stored) bytes stored for \(input) bytes of input")
    }

    @Test func deflateRefusesAStreamCutShortOrWithBytesAfterItsEndOrTheWrongDictionary() throws {
        let words = Array("Hội nghị Ngoại giao lần thứ 29, đấu tranh và hợp tác.".utf8)
        let dictionary = Deflate.dictionary(words)
        let stream = try Deflate.compress(words + words, dictionary: dictionary)
        #expect(try Deflate.inflate(stream, dictionary: dictionary) == words + words)
        #expect(throws: Deflate.Damaged.self) { try Deflate.inflate(Array(stream.dropLast())) }
        #expect(throws: Deflate.Damaged.self) { try Deflate.inflate(stream + [0], dictionary: dictionary) }
        #expect(throws: Deflate.Damaged.self) { try Deflate.inflate(stream) }
        #expect(throws: Deflate.Damaged.self) { try Deflate.inflate(stream, dictionary: Deflate.dictionary(Array(words.reversed()))) }
        // Larger than the first guess at the output: grown as it goes.
        let long = [UInt8](repeating: 0x61, count: 1 << 20)
        #expect(try Deflate.inflate(try Deflate.compress(long)) == long)
        #expect(try Deflate.inflate(try Deflate.compress([])) == [])
    }

    @Test(arguments: ["text", "original", "model"])
    func aByteFlippedInsideADeflatedColumnIsDamageTheCheckNamesAndARepairLeavesOut(_ column: String) throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let ids = try added(lib)
        let victim = ids[1]
        #expect(LibraryCheck.check(path: lib.path).healthy)
        // The byte changed in the file, as a disk would: SQLite's own check cannot see it.
        let blob = try DatabaseQueue(path: lib.path).read { db in
            try #require(try Data.fetchOne(db, sql: "SELECT \(column) FROM content WHERE id = ?", arguments: [victim]))
        }
        #expect(!FileManager.default.fileExists(atPath: lib.path + "-wal"))
        var file = try Data(contentsOf: URL(fileURLWithPath: lib.path))
        let at = try #require(file.range(of: blob))
        file[at.lowerBound + blob.count / 2] ^= 0x10
        try file.write(to: URL(fileURLWithPath: lib.path))

        let report = LibraryCheck.check(path: lib.path)
        #expect(report.verdict == .damaged, "\(report.lines)")
        #expect(report.lines.contains("problem: 1 article's stored words no longer read back as they were added:"), "\(report.lines)")
        #expect(report.lines.contains { $0.hasPrefix("  article \(victim): ") }, "\(report.lines)")
        do {
            let store = try lib.open()
            #expect { _ = try store.article(victim) } throws: { ($0 as? LibraryError)?.isDamage == true }
            if column == "text" {
                let title = try #require(try store.title(victim))
                #expect { _ = try store.search(title) } throws: { ($0 as? LibraryError)?.isDamage == true }
            }
            #expect(try store.original(ids[0]) != nil && store.original(ids[2]) != nil)
        }
        let repair = try LibraryCheck.repair(path: lib.path)
        #expect(repair.lines.contains("1 articles could not be saved"), "\(repair.lines)")
        let store = try lib.open()
        #expect(try store.rows().map(\.id) == ids.filter { $0 != victim })
        #expect(LibraryCheck.check(path: lib.path).healthy)
    }
}
