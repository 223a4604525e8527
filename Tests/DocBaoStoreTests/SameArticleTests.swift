import DocBaoCore
@testable import DocBaoStore
import Foundation
import GRDB
import Testing

/// A web page's article and the text exported from it are one article in the library (issue 16):
/// duplicates are found by the text's identity (`ArticleIdentity`), not its exact characters.
@Suite struct SameArticleTests {
    static let page: Article = {
        let blocks = [
            Block(.title, "Lan đột biến là hoa gì"),
            Block(.lead, "Thời gian gần đây đã nổi lên hàng loạt sự việc người dân báo cáo."),
            Block(.paragraph, "Dân trí đã liên hệ với Viện Nghiên cứu Rau quả[1], một trong những chuyên gia hàng đầu về lĩnh vực hoa, cây cảnh ở Việt Nam."),
            Block(.caption, "Hội chứng tulip diễn ra vào thế kỷ 17 khiến giá hoa tulip bị đội cao", credit: "Minh Khôi"),
            Block(.paragraph, "Lý giải cho cơn sốt bạc tỷ của lan đột biến."),
            Block(.byline, "Minh Khôi"),
            Block(.source, "VnExpress", url: "https://vnexpress.net/lan-dot-bien-la-hoa-gi-4262013.html"),
        ]
        return Article(blocks: blocks, sections: [Section(label: "Lan đột biến là hoa gì", block: 0)],
                       links: [Link(number: 1, url: "https://vnexpress.net/chu-de/vien-nghien-cuu-rau-qua-1234", text: "Viện Nghiên cứu Rau quả")])
    }()

    @Test func aPageAndItsTextExportAreOneArticle() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let export = PlainTextDump.render(Self.page, width: 40)
        #expect(export.contains("Liên kết:"), "the export lists the links")
        let reread = PlainTextImporter.importArticle(export)
        #expect(ArticleBytes.plainText(reread) != ArticleBytes.plainText(Self.page), "the texts differ as written")
        let first = try store.add([try PreparedArticle(article: Self.page, original: [], path: nil, fallbackTitle: "a")])
        guard case .added(let id) = first[0] else { Issue.record("not added: \(first)"); return }
        let second = try store.add([try PreparedArticle(article: reread, original: Array(export.utf8), path: nil, fallbackTitle: "b")])
        #expect(second == [.duplicate(id)])
        #expect(try store.count() == 1)
    }

    @Test func anotherArticleIsNotOne() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        var other = Self.page
        other.blocks[2].text = other.blocks[2].text.replacingOccurrences(of: "hàng đầu", with: "lâu năm")
        _ = try store.add([try PreparedArticle(article: Self.page, original: [], path: nil, fallbackTitle: "a")])
        let second = try store.add([try PreparedArticle(article: other, original: [], path: nil, fallbackTitle: "b")])
        guard case .added = second[0] else { Issue.record("a different text was called a duplicate: \(second)"); return }
    }

    /// A row added before identities were hashed has the hash of its text: the same text added
    /// again is still found.
    @Test func rowsHashedTheOldWayAreStillFound() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let a = try PreparedArticle(article: Self.page, original: [], path: nil, fallbackTitle: "a")
        guard case .added(let id) = try store.add([a])[0] else { Issue.record("not added"); return }
        let queue = try DatabaseQueue(path: lib.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE article SET hash = ? WHERE id = ?", arguments: [PreparedArticle.fnv1a(a.text), id])
        }
        #expect(try lib.open().add([a]) == [.duplicate(id)])
    }
}
