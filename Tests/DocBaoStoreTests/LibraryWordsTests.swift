import DocBaoCore
@testable import DocBaoStore
import Foundation
import GRDB
import Testing

/// The words table (`LibraryWords`) follows the articles: written when one is added, a word gone
/// when the last article that held it is removed; `library check` finds a table that disagrees
/// with the texts, and `--repair` makes it again.
@Suite struct LibraryWordsTests {
    func words(_ path: String) throws -> [String: Int] {
        let queue = try LibraryStore.readOnlyQueue(path)
        defer { try? queue.close() }
        return try queue.read { db in
            var words: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT word, articles FROM word") { words[row[0]] = row[1] }
            return words
        }
    }

    @Test func wordsComeWithTheirArticlesAndGoWithTheLast() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        _ = try LibraryImport.run([lib.file("a.txt", "Tin một\n\nGiúpngười ở Hà Nội.\n"),
                                   lib.file("b.txt", "Tin hai\n\nNgười Việt ở Hà Nội.\n")], into: store)
        let ids = try store.rows().map(\.id).sorted()
        var words = try self.words(lib.path)
        #expect(words["giupnguoi"] == 1 && words["nguoi"] == 1 && words["ha"] == 2 && words["noi"] == 2 && words["viet"] == 1)
        #expect(Set(try store.search("ười").hits.map(\.id)) == Set(ids))
        try store.remove([ids[0]])
        words = try self.words(lib.path)
        #expect(words["giupnguoi"] == nil && words["mot"] == nil && words["ha"] == 1 && words["nguoi"] == 1)
        #expect(try store.search("ười").hits.map(\.id) == [ids[1]])
        #expect(LibraryCheck.check(path: lib.path).healthy)
    }

    @Test func aWordsTableThatDisagreesWithTheTextsIsDamageThatARepairMends() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        do {
            let store = try lib.open()
            _ = try LibraryImport.run([lib.file("b.txt", "Tin hai\n\nNgười Việt ở Hà Nội.\n")], into: store)
        }
        let queue = try DatabaseQueue(path: lib.path)
        try queue.write { try $0.execute(sql: "DELETE FROM word WHERE word = 'viet'") }
        try queue.close()
        let report = LibraryCheck.check(path: lib.path)
        #expect(report.verdict == .damaged)
        #expect(report.lines.contains { $0.hasPrefix("problem: the search's words table disagrees with the texts (1 word): viet") }, "\(report.lines)")
        let repaired = try LibraryCheck.repair(path: lib.path)
        #expect(repaired.healthy, "\(repaired.lines)")
        #expect(LibraryCheck.check(path: lib.path).healthy)
        #expect(try lib.open().search("iệt").hits.count == 1)
    }
}
