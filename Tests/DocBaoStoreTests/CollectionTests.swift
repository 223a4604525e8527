import DocBaoCore
@testable import DocBaoStore
import DocBaoLoading
import Foundation
import GRDB
import Testing

/// The library as a collection (issue 18, items 12 and 13): removing articles, and the positions
/// and marks of files read where they are, kept by their content.
@Suite struct CollectionTests {
    @Test func removingAnArticleTakesItsTextIndexPositionAndMarksAndLeavesTheOthers() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let a = lib.file("a.txt", "Bài một về đấu tranh\n\nHội nghị ngoại giao bàn về đấu tranh.\n")
        let b = lib.file("b.txt", "Bài hai về ngoại giao\n\nĐoạn về đấu tranh và kinh tế.\n")
        let outcomes = try store.add([try prepared(a), try prepared(b)])
        guard case .added(let one) = outcomes[0], case .added(let two) = outcomes[1] else { Issue.record("\(outcomes)"); return }
        try store.savePosition(one, ReadingPosition(offset: 10, progress: 0.5))
        try store.saveMarks(one, ["a": 3])
        #expect(Set(try store.search("dau tranh").hits.map(\.id)) == [one, two])

        #expect(try store.remove([one, 999, one]) == [one])
        #expect(try store.rows().map(\.id) == [two])
        #expect(try store.article(one) == nil && store.position(one) == nil && store.marks(one).isEmpty)
        #expect(try store.search("dau tranh").hits.map(\.id) == [two])
        #expect(try store.search("hoi nghi").hits.isEmpty)
        #expect(try store.remove([one]).isEmpty)
        // The index holds no trace of it: FTS5's own check, and the library check.
        try store.pool.write { try $0.execute(sql: "INSERT INTO fulltext (fulltext, rank) VALUES ('integrity-check', 1)") }
        #expect(LibraryCheck.check(path: lib.path).healthy)
        // The file it came from is untouched; added again, it is new.
        #expect(FileManager.default.fileExists(atPath: a))
        guard case .added(let again) = try store.add([try prepared(a)]).first else { Issue.record("not added"); return }
        #expect(try store.search("hoi nghi").hits.map(\.id) == [again])
        #expect(try store.position(again) == nil && store.marks(again).isEmpty)
    }

    @Test func aFilesPositionAndMarksAreKeptByItsContentOutsideTheList() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let text = "Tiêu đề\n\nĐoạn một.\n\nĐoạn hai.\n"
        let path = lib.file("bai.txt", text)
        let copy = lib.file("ban-sao.txt", text)
        let other = lib.file("khac.txt", text + "Thêm.\n")
        let key = try #require(ContentKey.of(path: path))
        #expect(ContentKey.of(path: copy) == key)
        #expect(ContentKey.of(path: other) != key)
        #expect(ContentKey.of(path: lib.folder) == nil && ContentKey.of(path: lib.folder + "/none.txt") == nil)

        try store.saveFilePosition(key, path: path, ReadingPosition(offset: 12, progress: 0.4), now: 100)
        try store.saveFileMarks(key, ["a": 5, "b": 9])
        #expect(try store.filePosition(key) == ReadingPosition(offset: 12, progress: 0.4))
        #expect(try store.fileMarks(key) == ["a": 5, "b": 9])
        #expect(try store.count() == 0 && store.rows().isEmpty && store.lastRead() == nil)
        #expect(try store.lastReadFile()?.path == path)

        // A library article read later is what plain `docbao` goes back to; the file read after it, the file.
        guard case .added(let id) = try store.add([try prepared(other)]).first else { Issue.record("not added"); return }
        try store.savePosition(id, ReadingPosition(offset: 0, progress: 0.1), now: 200)
        #expect(try store.lastReadFile() == nil)
        try store.saveFilePosition(key, path: copy, ReadingPosition(offset: 20, progress: 0.6), now: 300)
        let last = try #require(try store.lastReadFile())
        #expect(last.path == copy && last.file == key)
        #expect(try store.filePosition(key) == ReadingPosition(offset: 20, progress: 0.6))
    }

    @Test func onlyTheMostRecentlyReadFilesAreKept() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        for i in 0...LibraryStore.keptFiles {
            try store.saveFilePosition("k\(i)", path: "/f\(i)", ReadingPosition(offset: i, progress: 0), now: Double(i))
            if i == 0 { try store.saveFileMarks("k0", ["a": 1]) }
        }
        try store.saveFilePosition("k-new", path: "/new", ReadingPosition(offset: 1, progress: 0), now: 1e9)
        #expect(try store.filePosition("k0") == nil && store.filePosition("k1") == nil)
        #expect(try store.fileMarks("k0").isEmpty)
        #expect(try store.filePosition("k2") != nil && store.filePosition("k-new") != nil)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM file_reading") } == LibraryStore.keptFiles)
    }

    @Test func aHugeFilesKeyIsReadFromSamplesNotWhole() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8 << 20)
        let path = lib.folder + "/huge.txt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let key = try #require(ContentKey.of(path: path))
        #expect(key.hasPrefix("s\(8 << 20)-"))
        // A change in a sample changes the key; so does the size.
        bytes[ContentKey.sampleOffsets(size: bytes.count)[5]] = UInt8(ascii: "b")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(ContentKey.of(path: path) != key)
        let samples = ContentKey.sampleOffsets(size: bytes.count)
        #expect(samples.count == ContentKey.samples + 2 && samples.first == 0 && samples.last == bytes.count - (64 << 10))
        #expect(zip(samples, samples.dropFirst()).allSatisfy { $0 < $1 })
    }
}

extension CollectionTests {
    @Test func aRepairKeepsTheFilesPositionsAndMarksThatSQLiteCanRead() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        try store.saveFilePosition("w9-abc", path: "/tmp/bai.txt", ReadingPosition(offset: 40, progress: 0.5), now: 10)
        try store.saveFileMarks("w9-abc", ["a": 4, "b": 8])
        let target = try DatabaseQueue(path: lib.folder + "/new.sqlite")
        try LibrarySchema.current.migrate(target)
        try store.pool.read { source in LibrarySalvage.copyFileReadings(source, into: target) }
        try target.close()
        let repaired = try LibraryStore(path: lib.folder + "/new.sqlite")
        #expect(try repaired.filePosition("w9-abc") == ReadingPosition(offset: 40, progress: 0.5))
        #expect(try repaired.fileMarks("w9-abc") == ["a": 4, "b": 8])
        #expect(try repaired.lastReadFile()?.path == "/tmp/bai.txt")
    }
}
