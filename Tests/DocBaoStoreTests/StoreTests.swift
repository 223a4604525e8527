import DocBaoCore
@testable import DocBaoStore
import DocBaoLoading
import Foundation
import GRDB
import TestCorpus
import Testing

@Suite struct StoreTests {
    @Test func addingTheSameTextTwiceKeepsOneCopyEvenInAnotherUnicodeForm() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let nfc = try String(contentsOfFile: Corpus.seed, encoding: .utf8)
        let nfdPath = lib.file("nfd.txt", nfc.decomposedStringWithCanonicalMapping)
        let first = try store.add([try prepared(Corpus.seed)])
        guard case .added(let id) = first[0] else { Issue.record("not added: \(first)"); return }
        #expect(try store.add([try prepared(nfdPath)]) == [.duplicate(id)])
        #expect(try store.count() == 1)
        // The original bytes are kept as they were read.
        #expect(try store.original(id) == Array(try Data(contentsOf: URL(fileURLWithPath: Corpus.seed))))
        let article = try #require(try store.article(id))
        #expect(article.title.hasPrefix("Thứ trưởng Ngoại giao"))
        #expect(try store.rows().map(\.title) == [article.title])
    }

    /// Issue 18, item 14: "Vnexpress" and "VnExpress" are one source, listed as first spelled.
    @Test func oneSourceSpelledTwoWaysIsListedOnce() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let first = lib.file("a.txt", "Tin thứ nhất\n\nĐoạn một của bài.\nĐoạn hai của bài.\nTheo VnExpress\n")
        _ = try store.add([try prepared(first)])
        let second = lib.file("b.txt", "Tin thứ hai\n\nĐoạn một khác.\nĐoạn hai khác.\nTheo Vnexpress\n")
        let third = lib.file("c.txt", "Tin thứ ba\n\nĐoạn ba một.\nĐoạn ba hai.\nTheo Dân Trí\n")
        let fourth = lib.file("d.txt", "Tin thứ tư\n\nĐoạn bốn một.\nĐoạn bốn hai.\nTheo Dân trí\n")
        _ = try store.add([try prepared(second), try prepared(third), try prepared(fourth)])
        #expect(try store.rows().compactMap(\.source).sorted() == ["Dân Trí", "Dân Trí", "VnExpress", "VnExpress"])
        // The article keeps its own words.
        let ids = try store.rows().filter { $0.title == "Tin thứ hai" }.map(\.id)
        #expect(try store.article(ids[0])?.blocks.last?.text == "Theo Vnexpress")
    }

    @Test func importSkipsBadFilesWithTheReasonAndAddsTheRest() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let good = lib.file("good.txt", "Tiêu đề bài\n\nĐoạn thân bài về đấu tranh.\n")
        let empty = lib.file("empty.txt", "  \n")
        let binary = lib.file("bin.txt", "abc\0def")
        let json = lib.file("bad.json", "{\"format\": ")
        let (files, missing) = ArticleFiles.find(in: [good, empty, binary, json, lib.folder + "/nothing.txt"])
        #expect(missing.map(\.reason) == ["no such file"])
        let summary = try LibraryImport.run(files, into: store)
        #expect(summary.added.count == 1)
        #expect(summary.skipped.map(\.reason).sorted() == ["binary file (it holds NUL bytes), not an article", "empty file",
                                                            summary.skipped.first { $0.path == json }!.reason].sorted())
        #expect(summary.skipped.first { $0.path == json }!.reason.hasPrefix("not a docbao article"))
        #expect(summary.line == "1 added, 0 already there, 3 skipped")
    }

    @Test func foldersAreSearchedForTxtAndJsonOnly() throws {
        let (files, skipped) = ArticleFiles.find(in: [Corpus.testdata])
        #expect(skipped.isEmpty)
        #expect(files.count == 79)
        #expect(files.allSatisfy { $0.hasSuffix(".txt") || $0.hasSuffix(".json") })
    }

    @Test func positionsAndMarksPersistAndTheLastReadIsKnown() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let ids = try addCorpus(to: lib.open(), limit: 3)
        do {
            let store = try lib.open()
            try store.savePosition(ids[1], ReadingPosition(offset: 1234, progress: 0.4), now: 100)
            try store.savePosition(ids[2], ReadingPosition(offset: 10, progress: 0.01), now: 50)
            try store.saveMarks(ids[1], ["a": 5, "Z": 900])
        }
        let store = try lib.open()
        #expect(try store.position(ids[1]) == ReadingPosition(offset: 1234, progress: 0.4))
        #expect(try store.position(ids[0]) == nil)
        #expect(try store.lastRead() == ids[1])
        #expect(try store.marks(ids[1]) == ["a": 5, "Z": 900])
        try store.saveMarks(ids[1], ["b": 7])
        #expect(try store.marks(ids[1]) == ["b": 7])
        let rows = try store.rows()
        #expect(rows.first { $0.id == ids[1] }?.progress == 0.4)
        #expect(rows.first { $0.id == ids[0] }?.progress == nil)
    }

    @Test func aFileThatIsNotADocbaoLibraryIsRefusedAndLeftAsItWas() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        _ = lib.file("library.sqlite", "not a database at all, just text")
        #expect(throws: LibraryError(path: lib.path, problem: .notADatabase)) { try lib.open() }

        let other = lib.folder + "/other.sqlite"
        let queue = try DatabaseQueue(path: other)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(throws: LibraryError(path: other, problem: .foreign(tables: ["notes"]))) { try LibraryStore(path: other) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
        #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
        #expect(!LibraryCheck.check(path: other).healthy)
    }

    /// A file whose header says "docbao library, WAL mode" is opened without the read-only look
    /// first (start-up time); the schema is still checked in full.
    @Test func aDatabaseWithDocbaosApplicationIDButNotItsTablesIsRefused() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let queue = try DatabaseQueue(path: lib.path)
        try queue.writeWithoutTransaction {
            try $0.execute(sql: "PRAGMA journal_mode = WAL")
            try $0.execute(sql: "PRAGMA application_id = \(0x6462_6C62); CREATE TABLE notes (text TEXT)")
        }
        try queue.close()
        #expect(throws: LibraryError(path: lib.path, problem: .missingTables(["article", "content", "fulltext", "mark", "reading"]))) {
            try lib.open()
        }
    }

    @Test func aLibraryFromANewerDocbaoIsRefused() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        _ = try lib.open()
        let queue = try DatabaseQueue(path: lib.path)
        try queue.write { try $0.execute(sql: "PRAGMA user_version = 99") }
        try queue.close()
        #expect(throws: LibraryError(path: lib.path, problem: .newerSchema(99))) { try lib.open() }
        // The check says so, and repair leaves it alone: it is sound, only not for this docbao.
        let report = LibraryCheck.check(path: lib.path)
        #expect(!report.healthy && report.newer)
        #expect(throws: LibraryError(path: lib.path, problem: .newerSchema(99))) { try LibraryCheck.repair(path: lib.path) }
        #expect(!FileManager.default.fileExists(atPath: lib.path + ".broken-0"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: lib.folder).allSatisfy { !$0.contains("broken") })
    }

    @Test func repairLeavesASoundOrForeignLibraryAloneAndRebuildsLostListRows() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let ids = try addCorpus(to: lib.open(), limit: 5)
        try lib.open().savePosition(ids[2], ReadingPosition(offset: 77, progress: 0.2))
        try lib.open().saveMarks(ids[2], ["q": 99])
        let before = try lib.open().search("dau tranh").hits.map(\.id)
        #expect(LibraryCheck.check(path: lib.path).healthy)
        #expect(try LibraryCheck.repair(path: lib.path).lines == ["\(lib.path): sound; nothing to repair"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: lib.folder).allSatisfy { !$0.contains("broken") })
        // The list's table lost: its rows are rebuilt from each article's model and text.
        let queue = try DatabaseQueue(path: lib.path)
        // (Foreign keys off, as on a damaged file: dropping would otherwise delete what refers to it.)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA foreign_keys = OFF; DROP TABLE article") }
        try queue.close()
        #expect(LibraryCheck.check(path: lib.path).verdict == .damaged)
        let report = try LibraryCheck.repair(path: lib.path, now: Date(timeIntervalSince1970: 1000))
        #expect(report.healthy)
        #expect(report.lines.contains { $0.contains("5 articles, 1 reading positions, 1 marks saved") })
        #expect(FileManager.default.fileExists(atPath: lib.path + ".broken-1000"))
        let store = try lib.open()
        #expect(try store.count() == 5)
        #expect(try store.position(ids[2])?.offset == 77)
        #expect(try store.marks(ids[2]) == ["q": 99])
        #expect(try store.search("dau tranh").hits.map(\.id) == before)
        #expect(try store.rows().allSatisfy { !$0.title.isEmpty })
        // A second repair in the same second does not overwrite the first one's file.
        try queue.close()
        let again = try DatabaseQueue(path: lib.path)
        try again.writeWithoutTransaction { try $0.execute(sql: "PRAGMA foreign_keys = OFF; DROP TABLE mark") }
        try again.close()
        _ = try LibraryCheck.repair(path: lib.path, now: Date(timeIntervalSince1970: 1000))
        #expect(FileManager.default.fileExists(atPath: lib.path + ".broken-1000-2"))
        // Another program's database is not moved by --repair.
        let other = lib.folder + "/other.sqlite"
        let foreign = try DatabaseQueue(path: other)
        try foreign.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try foreign.close()
        #expect(LibraryCheck.check(path: other).verdict == .foreign)
        #expect(throws: LibraryError.self) { try LibraryCheck.repair(path: other) }
        #expect(FileManager.default.fileExists(atPath: other))
    }

    @Test func aDamagedLibraryIsReportedAndRepairSavesTheReadableRows() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let ids = try addCorpus(to: lib.open(), limit: 80)
        try lib.open().savePosition(ids[0], ReadingPosition(offset: 5, progress: 0.1))
        // Checkpoint the WAL into the file, then scribble over pages in its middle.
        let queue = try DatabaseQueue(path: lib.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        let handle = try #require(FileHandle(forUpdatingAtPath: lib.path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 3 * 4096))
        try handle.close()
        let report = LibraryCheck.check(path: lib.path)
        #expect(!report.healthy)
        #expect(report.lines.contains { $0.contains("--repair") })
        let repaired = try LibraryCheck.repair(path: lib.path, now: Date(timeIntervalSince1970: 7))
        #expect(FileManager.default.fileExists(atPath: lib.path + ".broken-7"))
        let store = try lib.open()
        let saved = try store.count()
        #expect(saved > 0 && saved <= 80, "\(repaired.lines)")
        #expect(LibraryCheck.check(path: lib.path).healthy)
        // What was saved is whole: each article opens and is found by its own words.
        for row in try store.rows() { #expect(try store.article(row.id) != nil) }
    }

    @Test func manyOpeningANewLibraryAtOnceAllSucceed() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        // Each round a new file; eight connections race to create it, switch it to WAL and read it.
        for round in 0..<15 {
            let path = lib.folder + "/race-\(round).sqlite"
            let results = Mutex2()
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do { _ = try LibraryStore(path: path).count() } catch { results.fail("\(error)") }
            }
            #expect(results.failures.isEmpty, "round \(round)")
            #expect(LibraryCheck.check(path: path).healthy)
        }
    }

    @Test func twoWritersOnOneLibraryLoseNothing() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let files = ArticleFiles.find(in: [Corpus.testdata]).files
        let a = try lib.open(), b = try lib.open()
        let half = files.count / 2
        let results = Mutex2()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let store = i == 0 ? a : b
            let mine = i == 0 ? Array(files[..<half]) : Array(files[half...])
            // Each writer also adds the other's first file: a duplicate either way round.
            let extra = i == 0 ? files[half] : files[0]
            do {
                let s = try LibraryImport.run(mine + [extra], into: store, batchSize: 7)
                for (k, id) in s.added.enumerated() { try store.savePosition(id, ReadingPosition(offset: k, progress: 0.5)) }
                results.add(s.added.count, s.duplicates)
            } catch { results.fail("\(error)") }
        }
        #expect(results.failures.isEmpty)
        #expect(results.added == files.count)
        #expect(results.duplicates == 2)
        #expect(try a.count() == files.count)
        #expect(LibraryCheck.check(path: lib.path).healthy)
    }
}

/// Adds the first `limit` corpus articles and returns their ids.
func addCorpus(to store: LibraryStore, limit: Int) throws -> [Int64] {
    let files = Array(ArticleFiles.find(in: [Corpus.testdata]).files.prefix(limit - 1)) + [Corpus.seed]
    return try LibraryImport.run(files, into: store).added
}

final class Mutex2: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var added = 0, duplicates = 0
    private(set) var failures: [String] = []
    func add(_ a: Int, _ d: Int) { lock.lock(); added += a; duplicates += d; lock.unlock() }
    func fail(_ s: String) { lock.lock(); failures.append(s); lock.unlock() }
}
