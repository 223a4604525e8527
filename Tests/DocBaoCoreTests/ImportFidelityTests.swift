import Foundation
import Testing
@testable import DocBaoCore

/// The author's words, shown as written (issue 18, item 6), the title of a file without a headline
/// restored from its address (item 4), and the source field (item 14).
@Suite struct ImportFidelityTests {
    static let credits = """
        Tiêu đề bài viết mẫu ở đây

        Đoạn mở đầu của bài viết, có nhiều chữ để đọc.
        Một con mèo ngồi trên mái nhà ở Thượng Hải. (Nguồn: Shanghaiist)
        Ảnh minh họa. Nguồn: internet
        Cô ấy mặc&nbspbộ váy đỏ, đi 10&nbsp;km; mã &nbsp viết trong HTML.
        Đoạn thứ hai của bài viết.
        Bài, ảnh: Phú Xuyên
        Theo Lê Ngọc
        Nguồn: Mạnh Quân/Otofun News
        """

    @Test func creditsAndLabelsAreShownAsTheAuthorWroteThem() {
        let dump = PlainTextDump.render(PlainTextImporter.importArticle(Self.credits), width: 200)
        let lines = dump.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("Nguồn: Shanghaiist") && !dump.contains("Ảnh: Shanghaiist"))
        #expect(lines.contains("Nguồn: internet") && !dump.contains("Ảnh: internet"))
        #expect(lines.contains("Theo Lê Ngọc") && !dump.contains("Nguồn: Theo"))
        #expect(lines.contains("Nguồn: Mạnh Quân/Otofun News") && !dump.contains("Nguồn: Nguồn:"))
        #expect(lines.contains("Bài, ảnh: Phú Xuyên"))
    }

    @Test func entityRemnantsAreNoBreakSpacesOnlyWhereClearlyRemnants() {
        let article = PlainTextImporter.importArticle(Self.credits)
        let paragraph = article.blocks.first { $0.text.hasPrefix("Cô ấy") }?.text
        #expect(paragraph == "Cô ấy mặc\u{A0}bộ váy đỏ, đi 10\u{A0}km; mã &nbsp viết trong HTML.")
    }

    @Test func aClosingCreditWithAPersonsNameIsNotTheSource() {
        func metadata(_ end: String) -> ArticleMetadata {
            PlainTextImporter.importArticle("Tiêu đề bài viết\n\nĐoạn một của bài.\nĐoạn hai của bài.\n" + end).metadata
        }
        #expect(metadata("Theo Lê Ngọc").sourceName == nil)
        #expect(metadata("Theo Lê Ngọc").byline == "Lê Ngọc")
        #expect(metadata("Theo Vân Thiêng- Đặng Thùy").sourceName == nil)
        #expect(metadata("Theo Vnexpress").sourceName == "Vnexpress")
        #expect(metadata("Theo Dân Việt").sourceName == "Dân Việt")
    }

    // MARK: - Titles from the address

    @Test func theAddressGivesTheHeadlineSpelledWithTheArticlesWords() {
        let text = """
            # doc_id = news_world_001
            # url = https://dantri.com.vn/the-gioi/campuchia-ghi-nhan-ky-luc-ca-nhiem-moi-20210424155800567.htm
            Nhân viên y tế lấy mẫu xét nghiệm tại Phnom Penh (Ảnh: Reuters).
            Bộ Y tế Campuchia hôm nay cho biết nước này ghi nhận 700 ca nhiễm mới, mức kỷ lục từ đầu dịch.
            Đây là kỷ lục mới về số ca nhiễm trong một ngày tại Campuchia.
            """
        let article = PlainTextImporter.importArticle(text)
        #expect(article.title == "Campuchia ghi nhận kỷ lục ca nhiễm mới")
        #expect(article.blocks[1].kind == .caption)
    }

    @Test func aFirstLineThatIsTheAddressesHeadlineIsTheTitle() {
        let text = "# url = https://dantri.com.vn/xa-hoi/mua-lon-o-ha-noi-20210430142738651.htm\nMưa lớn ở Hà Nội\nSáng nay, mưa lớn.\n"
        let article = PlainTextImporter.importArticle(text)
        #expect(article.title == "Mưa lớn ở Hà Nội")
        #expect(article.blocks.count == 2)
    }

    @Test func onlyAnAddressEndingInAHeadlineGivesTheTitle() {
        #expect(PlainTextImporter.slugWords("https://dantri.com.vn/xa-hoi/mua-lon-o-ha-noi-20210430142738651.htm") == ["mua", "lon", "o", "ha", "noi"])
        #expect(PlainTextImporter.slugWords("https://x.vn/bai/285150.vgp") == nil)
        #expect(PlainTextImporter.slugWords("https://x.vn/Mua-Lon-O-Ha-Noi.htm") == nil)
        #expect(PlainTextImporter.slugWords("https://x.vn/" + Array(repeating: "a", count: 5_000).joined(separator: "-")) == nil)
        #expect(PlainTextImporter.slugWords(nil) == nil)
    }

    /// Over the dantri corpus: every title spells its address's headline, none is cut with "…",
    /// none is a caption, and most of its words are the article's own (accented) words.
    @Test func dantriTitlesComeFromTheirAddresses() throws {
        var titleWords = 0, spelled = 0
        for url in try TestData.corpusArticles() where url.path.contains("articles-dantri") {
            let article = PlainTextImporter.importArticle(try TestData.text(url))
            let slug = try #require(PlainTextImporter.slugWords(article.metadata.url), "\(url.lastPathComponent)")
            let title = article.title
            #expect(PlainTextImporter.slugFold(title) == slug.joined(), "\(url.lastPathComponent): \(title)")
            #expect(!title.hasSuffix("…"), "\(url.lastPathComponent): \(title)")
            #expect(!article.blocks.dropFirst().contains { $0.kind == .caption && $0.text == title }, "\(url.lastPathComponent)")
            func bare(_ word: Substring) -> String { word.lowercased().trimmingCharacters(in: .punctuationCharacters) }
            let body = Set(article.blocks.dropFirst().flatMap { $0.text.split(separator: " ").map(bare) })
            let words = title.split(separator: " ").map(bare)
            titleWords += words.count
            spelled += words.filter(body.contains).count
        }
        print("dantri titles: \(spelled) of \(titleWords) words spelled as the article spells them")
        #expect(titleWords > 200 && Double(spelled) / Double(titleWords) >= 0.80)
    }

    // MARK: - The reading keeps the source's words

    /// Differential: over both corpora and the seed, what the reader shows (the laid-out lines of
    /// every block, labels and credits included) holds every word of the source in order, and no
    /// word the source lacks.
    @Test func theReadingShowsTheSourcesWordsAndNoOthers() throws {
        let urls = try TestData.corpusArticles() + [TestData.seed]
        for url in urls {
            let text = try TestData.text(url)
            let check = ImportWordCheck(input: text, article: PlainTextImporter.importArticle(text), reading: true)
            #expect(check.problems.isEmpty, "\(url.lastPathComponent): \(check.problems.prefix(5))")
        }
        let check = ImportWordCheck(input: Self.credits, article: PlainTextImporter.importArticle(Self.credits), reading: true)
        #expect(check.problems.isEmpty, "\(check.problems.prefix(5))")
    }

    @Test func theReadingCheckNoticesAnAddedLabel() {
        var article = PlainTextImporter.importArticle(Self.credits)
        let i = article.blocks.firstIndex { $0.text == "Theo Lê Ngọc" }!
        article.blocks[i].text = "Nguồn: Theo Lê Ngọc"
        #expect(!ImportWordCheck(input: Self.credits, article: article, reading: true).problems.isEmpty)
    }
}
