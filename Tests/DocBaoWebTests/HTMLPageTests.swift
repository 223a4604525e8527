import DocBaoCore
import Foundation
import Testing

@testable import DocBaoWeb

/// What comes out of a page: the article's blocks, metadata and links, and nothing around it.
@Suite struct HTMLPageTests {
    static let prose = [
        "Hội nghị đã thảo luận nhiều vấn đề quan trọng, trong đó có kế hoạch phát triển kinh tế, xã hội và bảo vệ môi trường trong năm tới.",
        "Các đại biểu nhất trí rằng cần đẩy mạnh cải cách thủ tục hành chính, giảm chi phí cho doanh nghiệp, và thu hút thêm đầu tư nước ngoài.",
        "Phát biểu bế mạc, chủ tọa nhấn mạnh vai trò của khoa học, công nghệ và đổi mới sáng tạo đối với sự phát triển bền vững của đất nước.",
    ]

    static func newsPage(extraBody: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="vi"><head>
        <meta charset="utf-8">
        <title>Hội nghị bàn về phát triển - Báo Mẫu</title>
        <meta property="og:title" content="Hội nghị bàn về phát triển">
        <meta property="og:description" content="Sapo: hội nghị kết thúc sau ba ngày làm việc.">
        <meta property="og:site_name" content="Báo Mẫu">
        <meta property="article:published_time" content="2024-05-01T08:00:00+07:00">
        <meta name="author" content="Minh Anh">
        <link rel="canonical" href="https://bao.example/hoi-nghi-123.html">
        <style>p { color: red }</style>
        <script>var tracking = "SCRIPT-WORDS";</script>
        </head><body>
        <nav class="menu"><a href="/">Trang chủ</a> <a href="/the-gioi">Thế giới</a> <a href="/kinh-te">Kinh tế</a></nav>
        <div class="sidebar"><h3>Đọc nhiều</h3><ul><li><a href="/a">Tin khác một</a></li><li><a href="/b">Tin khác hai</a></li></ul></div>
        <article class="article-content">
          <h1>Hội nghị bàn về phát triển</h1>
          <p>\(prose[0])</p>
          <h2>Cải cách&nbsp;hành chính</h2>
          <p>\(prose[1]) Xem <a href="/bao-cao.pdf">báo cáo</a> đầy đủ.</p>
          <figure><img src="a.jpg"><figcaption>Toàn cảnh hội nghị. Ảnh: Nguyễn Văn A</figcaption></figure>
          <blockquote><p>Không có gì quý hơn độc lập, tự do.</p></blockquote>
          <p>\(prose[2])<br>Dòng thứ hai &amp; cuối.</p>
          <ul><li>Mục một</li><li>Mục hai</li></ul>
          <pre>let x = 1
            let y = 2</pre>
          <table><thead><tr><th>Tỉnh</th><th>Số dự án</th></tr></thead><tr><td>Hà Nội</td><td>12</td></tr></table>
          <div hidden>HIDDEN-WORDS</div><span aria-hidden="true">ARIA-HIDDEN</span><p style="display: none">NONE-WORDS</p>
          <template><p>TEMPLATE-WORDS</p></template><noscript>NOSCRIPT-WORDS</noscript>
          <form><input value="INPUT-WORDS"><button>BUTTON-WORDS</button></form>
          \(extraBody)
        </article>
        <div class="comments"><p>Bình luận: bài viết hay quá, cảm ơn tác giả rất nhiều, chúc báo ngày càng phát triển.</p></div>
        <footer class="footer"><p>© Báo Mẫu. Giấy phép số 123, địa chỉ: số 1 phố Mẫu, Hà Nội, Việt Nam.</p></footer>
        </body></html>
        """
    }

    static let article = HTMLPage.article(Array(newsPage().utf8))
    static var allText: String { article.blocks.map(\.text).joined(separator: "\n") }

    @Test func metadataComesFromTheHead() {
        let a = Self.article
        #expect(a.title == "Hội nghị bàn về phát triển")
        #expect(a.lead == "Sapo: hội nghị kết thúc sau ba ngày làm việc.")
        #expect(a.metadata.byline == "Minh Anh")
        #expect(a.metadata.sourceName == "Báo Mẫu")
        #expect(a.metadata.date == "2024-05-01T08:00:00+07:00")
        #expect(a.metadata.url == "https://bao.example/hoi-nghi-123.html")
        #expect(a.blocks.last == Block(.source, "Báo Mẫu", url: "https://bao.example/hoi-nghi-123.html"))
        #expect(a.blocks.contains(Block(.byline, "Minh Anh")))
    }

    @Test func theArticleComesOutWithItsStructure() {
        let blocks = Self.article.blocks
        #expect(blocks.first == Block(.title, "Hội nghị bàn về phát triển"))
        #expect(blocks.filter { $0.kind == .title }.count == 1, "the h1 repeating the title is dropped")
        #expect(blocks.contains(Block(.paragraph, Self.prose[0])))
        #expect(blocks.contains(Block(.heading, "Cải cách hành chính")))
        // The credit is the caption's own (NewsStructure), shown again as "Ảnh: Nguyễn Văn A".
        #expect(blocks.contains(Block(.caption, "Toàn cảnh hội nghị.", credit: "Nguyễn Văn A")))
        #expect(blocks.contains(Block(.quote, "Không có gì quý hơn độc lập, tự do.")))
        #expect(blocks.contains(Block(.paragraph, Self.prose[2] + "\nDòng thứ hai & cuối.")))
        #expect(blocks.contains(Block(.listItem, "Mục một")) && blocks.contains(Block(.listItem, "Mục hai")))
        #expect(blocks.contains(Block(.code, "let x = 1\n    let y = 2")))
        #expect(blocks.contains(Block.tableRow(["Tỉnh", "Số dự án"])))
        #expect(blocks.contains { $0.kind == .tableRow && $0.cells == ["Hà Nội", "12"] && $0.tableColumns == [6, 8] })
        #expect(Self.article.sections.map(\.label).contains("Cải cách hành chính"))
    }

    @Test func linksAreNumberedAndResolved() {
        let a = Self.article
        #expect(a.blocks.contains(Block(.paragraph, Self.prose[1] + " Xem báo cáo[1] đầy đủ.")))
        #expect(a.links == [Link(number: 1, url: "https://bao.example/bao-cao.pdf", text: "báo cáo")])
    }

    @Test func nothingAroundTheArticleAndNothingHidden() {
        let text = Self.allText
        for word in ["SCRIPT-WORDS", "HIDDEN-WORDS", "ARIA-HIDDEN", "NONE-WORDS", "TEMPLATE-WORDS", "NOSCRIPT-WORDS",
                     "INPUT-WORDS", "BUTTON-WORDS", "Bình luận", "Giấy phép", "Đọc nhiều", "Tin khác", "Thế giới", "color: red"] {
            #expect(!text.contains(word), "\(word)")
        }
        #expect(!text.contains("<") && !text.contains("&nbsp;") && !text.contains("&amp;"))
    }

    /// A page with no article in it shows its text and says so.
    @Test func aPageWithoutAnArticleGivesItsTextWithANotice() {
        let page = "<html><head><title>Ảnh</title></head><body><div><img src=a.jpg></div><span>Chỉ một dòng.</span></body></html>"
        let a = HTMLPage.article(Array(page.utf8))
        #expect(!a.blocks.isEmpty)
        #expect(a.blocks.contains { $0.text == HTMLPage.notice } || a.blocks.contains { $0.text.contains("Chỉ một dòng.") })
        let empty = HTMLPage.article(Array("<html><body></body></html>".utf8))
        #expect(empty.blocks.map(\.text) == [HTMLPage.notice])
    }

    @Test func titleWithoutTheSiteSuffix() {
        #expect(PageMetadata.articleTitle("Giá vàng hôm nay tăng mạnh - VnExpress", h1s: []) == "Giá vàng hôm nay tăng mạnh")
        #expect(PageMetadata.articleTitle("Giá vàng hôm nay tăng mạnh | Báo Dân trí", h1s: []) == "Giá vàng hôm nay tăng mạnh")
    }

    @Test func jsonLDGivesHeadlineAuthorAndDate() {
        let page = """
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Tiêu đề JSON-LD","author":[{"@type":"Person","name":"Lan"},{"@type":"Person","name":"Huệ"}],
            "datePublished":"2024-01-02","publisher":{"name":"Báo LD"}}</script></head>
            <body><p>\(Self.prose[0])</p></body></html>
            """
        let a = HTMLPage.article(Array(page.utf8))
        #expect(a.title == "Tiêu đề JSON-LD")
        #expect(a.metadata.byline == "Lan, Huệ")
        #expect(a.metadata.date == "2024-01-02")
        #expect(a.metadata.sourceName == "Báo LD")
    }

    /// Escapes and bidi overrides in text and attributes arrive as visible placeholders.
    @Test func controlsInTextAndAttributesAreMadeVisible() {
        let page = "<html><head><meta property=\"og:title\" content=\"T\u{1B}[31m\u{202E}x\"></head><body><p>A\u{1B}]0;pwned\u{7}B \u{202E}C, "
            + Self.prose[0] + " <a href=\"http://x/\u{1B}[2J\">l</a></p></body></html>"
        let a = HTMLPage.article(Array(page.utf8))
        let all = a.blocks.map { $0.text + ($0.url ?? "") }.joined() + a.links.map { $0.url + $0.text }.joined()
        #expect(!all.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(a.title.contains("␛[31m"))
    }

    /// News sites write sections as bold-only paragraphs and sign with a closing bold line.
    @Test func boldParagraphsAreHeadingsAndTheClosingOneTheByline() {
        let page = """
            <html><head><title>Tin</title></head><body><div class="detail-content">
            <p>\(Self.prose[0])</p><p><strong>Phần một của bài</strong></p><p>\(Self.prose[1])</p>
            <p><b>Bold <a href="/x">có liên kết</a></b></p><p>\(Self.prose[2])</p><p><strong>Trần Hà</strong></p>
            </div></body></html>
            """
        let a = HTMLPage.article(Array(page.utf8))
        #expect(a.blocks.contains(Block(.heading, "Phần một của bài")))
        #expect(a.sections.map(\.label).contains("Phần một của bài"))
        #expect(a.blocks.contains(Block(.paragraph, "Bold có liên kết[1]")))
        #expect(a.blocks.last == Block(.byline, "Trần Hà"))
        #expect(a.metadata.byline == "Trần Hà")
    }

    /// An author line in the page gives the name it marks (itemprop="name"), not its "By … date".
    @Test func aBylineInThePageGivesTheNameItMarks() {
        let page = """
            <html><head><title>Tin</title></head><body><article>
            <div class="byline">By <span itemprop="author"><span itemprop="name">Corey Kilgannon</span></span> May 1</div>
            <p>\(Self.prose[0])</p><p>\(Self.prose[1])</p><p>\(Self.prose[2])</p></article></body></html>
            """
        let a = HTMLPage.article(Array(page.utf8))
        #expect(a.metadata.byline == "Corey Kilgannon")
        #expect(!a.blocks.contains { $0.kind == .paragraph && $0.text.contains("Kilgannon") })
    }
}
