import DocBaoCore
@testable import DocBaoStore
import Foundation
import GRDB
import Testing

/// `LibraryWordList`, the words table in memory: it finds the words SQL finds, in the same order,
/// and follows every change to the library, the store's own and another process's.
@Suite struct LibraryWordListTests {
    @Test func findsWhatTheWordsTableFinds() throws {
        let store = LibrarySearchTests.library.1
        let pieces = ["nguoi", "uoi", "a", "an", "oa", "hoa", "ng", "viet", "iet", "e", "1", "0", "giao", "tranh", "zzq", "uy", "d"]
        let list = LibraryWordList(path: store.path)
        try store.pool.read { db in
            for atEnd in [false, true] {
                for piece in pieces {
                    let sql = try LibraryWords.words(holding: piece, atEnd: atEnd, db)
                    for _ in 0..<2 {  // the first search asks SQL, the next ones the list
                        list.prepare()
                        let listed = try list.words(holding: piece, atEnd: atEnd, db)
                        #expect(listed.map(\.word) == sql.map(\.word), "\(piece) atEnd \(atEnd)")
                        #expect(listed.map(\.articles) == sql.map(\.articles), "\(piece) atEnd \(atEnd)")
                    }
                }
            }
        }
    }

    /// A word at its end and also before it ("anhan" for "an" at the end) is found at its end.
    @Test func aPieceTwiceInAWord() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        _ = try LibraryImport.run([lib.file("a.txt", "Tin một\n\nAnhan và banana ở đây.\n")], into: store)
        let list = LibraryWordList(path: lib.path)
        try store.pool.read { db in
            for _ in 0..<2 {
                list.prepare()
                let atEnd = try list.words(holding: "an", atEnd: true, db).map(\.word)
                let inside = try list.words(holding: "ana", atEnd: false, db).map(\.word)
                #expect(atEnd == ["anhan"])
                #expect(inside == ["banana"])
            }
        }
    }

    /// A store's first search reads no words into memory, however many phrases it has (a one-shot
    /// `docbao search` of three phrases read them all at its third lookup); nor does the second
    /// (the library is read once it is found unchanged between two searches); the third does.
    @Test func theFirstSearchOfAStoreAsksSQLForEveryPhrase() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        _ = try LibraryImport.run([lib.file("a.txt", "Tin một\n\nGiúpngười ở Hà Nội, ngoại giao kinh tế.\n")], into: store)
        let reopened = try lib.open()
        #expect(try reopened.search("ười OR ội OR oại OR inh").hits.count == 1)
        #expect(!reopened.wordList.isLoaded, "the first search read every word")
        // The second finds the library as the first did, and the third reads the words.
        #expect(try reopened.search("ười OR ội").hits.count == 1)
        #expect(!reopened.wordList.isLoaded)
        #expect(try reopened.search("ười OR ội").hits.count == 1)
        #expect(reopened.wordList.isLoaded)
    }

    /// Searches after the first use the list: a word added or removed since, by this store or by
    /// another (another process), is found or not found at once.
    @Test func followsTheLibrarysChanges() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        _ = try LibraryImport.run([lib.file("a.txt", "Tin một\n\nGiúpngười ở Hà Nội.\n")], into: store)
        for _ in 0..<3 { #expect(try store.search("ười").hits.count == 1) }
        #expect(try store.search("ườiz").hits.isEmpty)
        _ = try LibraryImport.run([lib.file("b.txt", "Tin hai\n\nVìngườiz Việt.\n")], into: store)
        // The first search after a change asks SQL, the next ones the words read again.
        for _ in 0..<3 { #expect(try store.search("ườiz").hits.count == 1) }
        #expect(try store.search("ười").hits.count == 2)
        do {
            let other = try lib.open()
            _ = try LibraryImport.run([lib.file("c.txt", "Tin ba\n\nMộtngườiq nữa.\n")], into: other)
        }
        for _ in 0..<3 { #expect(try store.search("ườiq").hits.count == 1) }
        #expect(try store.search("ười").hits.count == 3)
        let ids = try store.search("ườiz").hits.map(\.id)
        _ = try store.remove(ids)
        for _ in 0..<3 { #expect(try store.search("ườiz").hits.isEmpty) }
        #expect(try store.search("ười").hits.count == 2)
    }
}
