import Testing
@testable import DocBaoCore

/// Issue 18 item 5: the line under the title (date as the library shows it, source, address), and
/// the keys that open and copy the address.
@Suite struct ArticleAddressTests {
    static func article(url: String? = "https://vnexpress.net/bai-1.html") -> Article {
        var a = PlainTextImporter.importArticle("Tiêu đề bài báo\n\nĐoạn thứ nhất.\n\nĐoạn thứ hai.")
        a.metadata.date = "20210424"
        a.metadata.sourceName = "VnExpress"
        a.metadata.url = url
        return a
    }

    @Test func theLineUnderTheTitle() {
        #expect(Self.article().metadata.summaryLine == "24/04/2021 · VnExpress · https://vnexpress.net/bai-1.html")
        #expect(ArticleMetadata().summaryLine == nil)
        #expect(ArticleMetadata(date: "hôm qua").summaryLine == "hôm qua", "a date it cannot read stays as written")
        #expect(ArticleMetadata(url: "http://x/\u{1B}[2J").summaryLine?.contains("\u{1B}") == false)
        let s = ReaderState(article: Self.article(), size: Size(width: 140, height: 12))
        let lines = Renderer.render(s).lines
        let title = lines.firstIndex { $0.contains("Tiêu đề bài báo") }!
        #expect(lines[title + 1].contains("24/04/2021 · VnExpress · https://vnexpress.net/bai-1.html"), "\(lines)")
        var dumped: [String] = []
        PlainTextDump.forEachLine(of: Self.article(), width: 80) { dumped.append(String($0.text)) }
        #expect(dumped[1] == "24/04/2021 · VnExpress · https://vnexpress.net/bai-1.html")
    }

    @Test func theMetaLineIsNotTheArticlesText() {
        // Positions and search are the text's: the line under the title is neither.
        var s = ReaderState(article: Self.article(), size: Size(width: 80, height: 12))
        Reader.startSearch(&s, query: "vnexpress", options: SearchOptions())
        #expect(s.search?.matches.isEmpty ?? true)
    }

    @Test func openAndCopyAskTheProgram() {
        var s = ReaderState(article: Self.article(), size: Size(width: 80, height: 12))
        #expect(Fixtures.press(Fixtures.keys("O"), &s) == [.openAddress("https://vnexpress.net/bai-1.html")])
        #expect(Fixtures.press(Fixtures.keys("y"), &s) == [.copyAddress("https://vnexpress.net/bai-1.html")])
        var none = ReaderState(article: Self.article(url: nil), size: Size(width: 80, height: 12))
        #expect(Fixtures.press(Fixtures.keys("O"), &none).isEmpty && none.message == "Bài này không có địa chỉ")
    }
}
