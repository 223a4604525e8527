import DocBaoCore
import DocBaoStore
import Foundation
import GRDB
import TestCorpus
import Testing

/// `library check --repair` on files damaged where SQLite cannot read them, and repairs that are
/// stopped or were killed: the library is the damaged file or the whole repair, never a part.
@Suite struct RepairTests {
    /// A library of the 80 corpus articles (most with overflow pages), a position and a mark, its
    /// write-ahead log folded into the file; returns the ids.
    func library(_ lib: TemporaryLibrary) throws -> [Int64] {
        let ids = try addCorpus(to: lib.open(), limit: 80)
        try lib.open().savePosition(ids[3], ReadingPosition(offset: 321, progress: 0.5))
        try lib.open().saveMarks(ids[3], ["a": 12])
        let queue = try DatabaseQueue(path: lib.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        return ids
    }

    func damage(_ path: String, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func scribble(_ bytes: inout [UInt8], _ range: Range<Int>) {
        var generator = SystemRandomNumberGenerator()
        for i in range { bytes[i] = UInt8.random(in: 0...255, using: &generator) }
    }

    /// Every article of the library opens, and its text is its model's.
    func expectWhole(_ store: LibraryStore) throws {
        for row in try store.rows() {
            let article = try #require(try store.article(row.id))
            #expect(!ArticleBytes.plainText(article).isEmpty)
        }
        #expect(LibraryCheck.check(path: store.path).healthy)
    }

    @Test(arguments: ["first 100 bytes", "bytes 100-4095"])
    func aDamagedHeaderOrSchemaPageLosesNoArticle(_ damage: String) throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let ids = try library(lib)
        let searched = try lib.open().search("dau tranh").hits.map(\.id)
        try self.damage(lib.path) { scribble(&$0, damage == "first 100 bytes" ? 0..<100 : 100..<4096) }
        #expect(!LibraryCheck.check(path: lib.path).healthy)
        let report = try LibraryCheck.repair(path: lib.path)
        #expect(report.healthy, "\(report.lines)")
        #expect(report.lines.contains { $0.contains("80 articles, 1 reading positions, 1 marks saved") }, "\(report.lines)")
        let store = try lib.open()
        #expect(try store.rows().map(\.id) == ids)
        #expect(try store.position(ids[3])?.offset == 321)
        #expect(try store.marks(ids[3]) == ["a": 12])
        #expect(try store.search("dau tranh").hits.map(\.id) == searched)
        try expectWhole(store)
    }

    @Test func aCutFileSaysHowManyCouldNotBeSaved() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        _ = try library(lib)
        try damage(lib.path) { $0.removeLast($0.count * 4 / 10) }
        let report = try LibraryCheck.repair(path: lib.path)
        #expect(!report.healthy)
        #expect(report.lines.contains { $0.contains("pages could not be read") }, "\(report.lines)")
        let store = try lib.open()
        let saved = try store.count()
        #expect(saved > 0 && saved < 80)
        #expect(report.lines.contains { $0.contains("\(saved) articles") })
        try expectWhole(store)
    }

    /// The subscriptions, and which saved article came from which feed, are saved too (through
    /// SQLite: a page in the middle of the file zeroed, the rest readable).
    @Test func aRepairKeepsTheSubscriptionsAndTheirArticles() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let feed = try lib.open().subscribe(url: "http://127.0.0.1/rss", name: "Tin").0
        try lib.open().recordCheck(feed: feed.id, .fetched(etag: "\"e1\"", modified: nil, title: "Thời sự", site: nil))
        _ = try library(lib)
        let queue = try DatabaseQueue(path: lib.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE article SET feed = ?, guid = 'g' || id", arguments: [feed.id])
            // Two entries whose articles the user removed: no update may add them again.
            try db.execute(sql: "INSERT INTO removed_entry (feed, guid) VALUES (?, 'gone-1'), (?, 'gone-2')", arguments: [feed.id, feed.id])
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        try queue.close()
        try damage(lib.path) { bytes in
            let page = bytes.count / 2 / 4096 * 4096
            for i in page..<page + 4096 { bytes[i] = 0 }
        }
        #expect(LibraryCheck.check(path: lib.path).verdict == .damaged)
        let report = try LibraryCheck.repair(path: lib.path)
        let store = try lib.open()
        let kept = try #require(try store.subscriptions().first, "\(report.lines)")
        #expect(kept.url == feed.url && kept.name == "Tin" && kept.title == "Thời sự" && kept.etag == "\"e1\"")
        // Each saved article whose row was read is the feed's still, under its guid.
        let ids = try store.rows().map(\.id)
        let guids = try store.knownGuids(feed: kept.id)
        let removed: Set<String> = ["gone-1", "gone-2"]
        #expect(removed.isSubset(of: guids), "the removed entries are kept by the repair")
        let articles = guids.subtracting(removed)
        #expect(kept.articles > ids.count / 2 && articles.count == kept.articles && articles.isSubset(of: Set(ids.map { "g\($0)" })))
    }

    @Test func damageAnywhereGivesAWholeLibraryAndAnHonestCount() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        _ = try library(lib)
        let sound = try Data(contentsOf: URL(fileURLWithPath: lib.path))
        // Seeded: the same 24 damages each run. Runs of random bytes, of zeros and cuts, anywhere.
        var seed = SplitMix(state: 15)
        for round in 0..<24 {
            let path = lib.folder + "/round-\(round).sqlite"
            var bytes = [UInt8](sound)
            let start = Int(seed.next() % UInt64(bytes.count))
            let length = Int(seed.next() % 20_000) + 1
            switch round % 3 {
            case 0: for i in start..<min(bytes.count, start + length) { bytes[i] = UInt8(truncatingIfNeeded: seed.next()) }
            case 1: for i in start..<min(bytes.count, start + length) { bytes[i] = 0 }
            default: bytes.removeLast(bytes.count - start)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            guard LibraryCheck.check(path: path).verdict == .damaged else { continue }
            let report = try LibraryCheck.repair(path: path)
            let store = try LibraryStore(path: path)
            let saved = try store.count()
            #expect(saved <= 80)
            // Fewer than all saved is never called healthy.
            if saved < 80 { #expect(!report.healthy, "round \(round): \(report.lines)") }
            try expectWhole(store)
        }
    }

    @Test func aRepairStoppedMidwayLeavesTheDamagedLibraryAsItWas() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        _ = try library(lib)
        try damage(lib.path) { scribble(&$0, 0..<100) }
        let before = try Data(contentsOf: URL(fileURLWithPath: lib.path))
        var asked = 0
        let report = try LibraryCheck.repair(path: lib.path) {
            asked += 1
            // Halfway, the new library is there and partly filled.
            if asked == 40 { #expect(FileManager.default.fileExists(atPath: lib.path + ".repairing")) }
            return asked == 40
        }
        #expect(report.interrupted && !report.healthy)
        #expect(try Data(contentsOf: URL(fileURLWithPath: lib.path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: lib.folder) == ["library.sqlite"])
        #expect(LibraryCheck.check(path: lib.path).verdict == .damaged)
    }

    @Test func aRepairLeftByAKilledOneIsRemovedAndARunningOneRefused() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        _ = try library(lib)
        try damage(lib.path) { scribble(&$0, 0..<100) }
        let temp = lib.path + ".repairing"
        _ = lib.file("library.sqlite.repairing", "part of a new library")
        _ = lib.file("library.sqlite.repairing-journal", "its journal")
        #expect(LibraryCheck.check(path: lib.path).lines.contains { $0.contains("unfinished repair") })
        // Another repair running (holding its file's lock) is not disturbed.
        let running = open(temp, O_RDONLY)
        #expect(flock(running, LOCK_EX) == 0)
        #expect(throws: LibraryError.self) { try LibraryCheck.repair(path: lib.path) }
        #expect(FileManager.default.fileExists(atPath: temp))
        close(running)
        // Once it is dead, its file is a leftover: removed, and said.
        let report = try LibraryCheck.repair(path: lib.path)
        #expect(report.lines.contains { $0.hasPrefix("removed \(temp)") }, "\(report.lines)")
        #expect(report.healthy)
        #expect(!FileManager.default.fileExists(atPath: temp) && !FileManager.default.fileExists(atPath: temp + "-journal"))
        try expectWhole(lib.open())
    }

    @Test func theDamagedLibrarysWriteAheadLogIsKeptWithItAndNeverMeetsTheRepair() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let ids = try library(lib)
        // Positions saved in the -wal file, not yet in the library file: copied as a kill -9 leaves them.
        let store = try lib.open()
        for (k, id) in ids.prefix(10).enumerated() { try store.savePosition(id, ReadingPosition(offset: 100 + k, progress: 0.3)) }
        let copy = lib.folder + "/copy"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let path = copy + "/library.sqlite"
        try FileManager.default.copyItem(atPath: lib.path, toPath: path)
        try FileManager.default.copyItem(atPath: lib.path + "-wal", toPath: path + "-wal")
        let wal = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        #expect(wal.count > 4096)
        try damage(path) { bytes in scribble(&bytes, bytes.count / 2 / 4096 * 4096 ..< (bytes.count / 2 / 4096 + 2) * 4096) }
        #expect(!LibraryCheck.check(path: path).healthy)
        let report = try LibraryCheck.repair(path: path, now: Date(timeIntervalSince1970: 5))
        // The damaged file is kept with its log, and the log is no longer beside the new library.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".broken-5-wal")) == wal)
        #expect((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")))?.isEmpty ?? true)
        let repaired = try LibraryStore(path: path)
        #expect(LibraryCheck.check(path: path).healthy, "\(report.lines)")
        let saved = Set(try repaired.rows().map(\.id))
        for (k, id) in ids.prefix(10).enumerated() where saved.contains(id) {
            #expect(try repaired.position(id)?.offset == 100 + k)
        }
        #expect(saved.count > 60 && ids.prefix(10).filter(saved.contains).count >= 5)
    }

    @Test func aRepairKilledAsItTookTheLogAwayIsFinishedWithTheLogPutBack() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let ids = try library(lib)
        let store = try lib.open()
        for id in ids { try store.savePosition(id, ReadingPosition(offset: 7, progress: 0.2)) }
        let copy = lib.folder + "/copy"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let path = copy + "/library.sqlite"
        try FileManager.default.copyItem(atPath: lib.path, toPath: path)
        try FileManager.default.copyItem(atPath: lib.path + "-wal", toPath: path + "-wal")
        try damage(path) { bytes in scribble(&bytes, bytes.count / 2 / 4096 * 4096 ..< (bytes.count / 2 / 4096 + 2) * 4096) }
        // The instant of the swap where a kill leaves the damaged file without its log: linked
        // aside with its log, the log taken away, the complete new library not yet in place.
        #expect(link(path, path + ".broken-9") == 0 && link(path + "-wal", path + ".broken-9-wal") == 0)
        unlink(path + "-wal")
        _ = FileManager.default.createFile(atPath: path + ".repairing", contents: Data("a repair's file".utf8))
        let report = try LibraryCheck.repair(path: path, now: Date(timeIntervalSince1970: 10))
        #expect(report.lines.contains { $0.hasPrefix("put back \(path)-wal") }, "\(report.lines)")
        // The positions that were only in the log are in the repair.
        let repaired = try LibraryStore(path: path)
        let saved = try repaired.rows().map(\.id)
        #expect(saved.count > 60)
        #expect(try saved.filter { try repaired.position($0)?.offset == 7 }.count > 60)
    }

    @Test func anEmptyFileIsANewLibraryForTheCheckToo() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        _ = lib.file("library.sqlite", "")
        let report = LibraryCheck.check(path: lib.path)
        #expect(report.healthy, "\(report.lines)")
        #expect(try LibraryCheck.repair(path: lib.path).lines == ["\(lib.path): sound; nothing to repair"])
        #expect(try lib.open().count() == 0)
    }

    @Test func aLibraryThatCannotBeWrittenIsReadAndChangesAreRefused() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let ids = try library(lib)
        chmod(lib.path, 0o444)
        // Root writes a 0444 file anyway; an immutable one not.
        let immutable = getuid() == 0
        if immutable { #expect(chattr("+i", lib.path)) }
        defer { if immutable { _ = chattr("-i", lib.path) } }
        let store = try lib.open()
        #expect(store.readOnlyReason != nil)
        #expect(try store.rows().map(\.id) == ids)
        #expect(try !store.search("dau tranh").hits.isEmpty)
        #expect(throws: LibraryError(path: lib.path, problem: .readOnly(store.readOnlyReason!))) {
            try store.savePosition(ids[0], ReadingPosition(offset: 1, progress: 0.1))
        }
        #expect(throws: LibraryError.self) { try store.add([prepared(Corpus.seed)]) }
    }
}

/// A small seeded generator (SplitMix64): the same numbers on every run.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
