import DocBaoCore
@testable import DocBaoStore
import Foundation
import Testing

/// N and A in the library view: articles marked read ("xong") or unread (never opened) without
/// being opened, their places and marks kept as far as that allows.
@Suite struct MarkReadTests {
    @Test func markedReadAndUnreadKeepWhatCanBeKept() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let helper = FeedStoreTests()
        _ = try store.add(try ["a", "b", "c"].map { try helper.item($0, "Bài \($0): một đoạn văn ngắn.", title: "Bài \($0)").article }, now: 100)
        let ids = try store.rows().map(\.id)
        try store.savePosition(ids[1], ReadingPosition(offset: 12, progress: 0.4), now: 500)
        try store.saveMarks(ids[1], ["a": 5])
        try store.markRead([ids[0], ids[1]])
        var rows = try store.rows()
        #expect(rows.map(\.progress) == [1, 1, nil])
        // Never opened: dated when it was added, so the "recent" order does not take it for read now.
        #expect(rows[0].lastRead == 100 && rows[1].lastRead == 500)
        #expect(try store.position(ids[1])?.offset == 12, "the place read is kept")
        try store.markUnread([ids[1], ids[2]])
        rows = try store.rows()
        #expect(rows.map(\.isUnread) == [false, true, true])
        #expect(try store.marks(ids[1]) == ["a": 5], "the marks stay")
        // An id no longer in the library is no error.
        try store.markRead([9999])
        #expect(try store.rows().count == 3)
    }
}
