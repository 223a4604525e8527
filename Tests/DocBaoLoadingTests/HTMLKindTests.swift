import DocBaoCore
@testable import DocBaoLoading
import Foundation
import Testing

/// Saved web pages are a kind of input: by extension, and by content for stdin and bare names.
@Suite struct HTMLKindTests {
    static let page = Array("""
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Giá lúa tăng - Báo Mẫu</title></head>
        <body><nav><a href="/">Trang chủ</a></nav><article><h1>Giá lúa tăng</h1>
        <p>Giá lúa tại Đồng bằng sông Cửu Long tăng mạnh trong tuần qua, theo các thương lái, nông dân và hiệp hội.</p>
        </article></body></html>
        """.utf8)

    @Test func extensionsSayHTML() {
        for name in ["bai.html", "BAI.HTM", "/x/bai.xhtml"] {
            #expect(ArticleImporters.decide(name: name, head: Array("chữ".utf8)) == KindDecision(kind: .html, byName: true))
        }
    }

    @Test func contentSaysHTMLForStdinAndBareNames() {
        let heads = ["<!DOCTYPE html>", "  \n<!doctype HTML PUBLIC>", "<html lang=vi>", "<HEAD>", "<body>", "<meta charset=utf-8>",
                     "\u{FEFF}<!-- saved from url=(0042)https://vnexpress.net/ --><html>", "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"]
        for head in heads {
            #expect(ArticleImporters.decide(name: nil, head: Array(head.utf8)).kind == .html, "\(head)")
            #expect(ArticleImporters.decide(name: "bai", head: Array(head.utf8)).kind == .html, "\(head)")
        }
        for text in ["Hà Nội <html> là thẻ", "<p>đoạn</p>", "<!-- chú thích", "{\"title\": \"x\"}"] {
            #expect(ArticleImporters.decide(name: nil, head: Array(text.utf8)).kind != .html, "\(text)")
        }
    }

    @Test func aPageIsItsArticleNotItsTags() throws {
        for name in ["bai.html", nil, "bai"] as [String?] {
            let imported = try ArticleImporters.importArticle(Self.page, name: name)
            #expect(imported.kind == .html)
            #expect(imported.article.title == "Giá lúa tăng")
            #expect(!imported.article.blocks.contains { $0.text.contains("<") || $0.text.contains("Trang chủ") })
        }
    }

    @Test func aBinaryFileNamedHTMLIsRefusedClearly() {
        let binary = Array("<html>".utf8) + [0, 1, 2, 0xFF, 0] + Self.page
        #expect(throws: ArticleBytes.Failure.binary) { try ArticleImporters.importArticle(binary, name: "anh.html") }
    }

    @Test func foldersOfferTheirPages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-html-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.html", "b.htm", "c.xhtml", "d.txt", "e.css"] {
            try Data("<html></html>".utf8).write(to: folder.appendingPathComponent(name))
        }
        let found = ArticleFiles.find(in: [folder.path]).files.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(found == ["a.html", "b.htm", "c.xhtml", "d.txt"])
    }
}
