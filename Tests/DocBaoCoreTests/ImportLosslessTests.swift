import Foundation
import Testing
@testable import DocBaoCore

/// Nothing is lost: every input line (but documented boilerplate) is in the model, in order.
@Suite struct ImportLosslessTests {
    @Test func everyArticleKeepsEveryLine() throws {
        let urls = try TestData.corpusArticles() + [TestData.seed]
        #expect(urls.count == 80)
        for url in urls {
            let text = try TestData.text(url)
            let check = ImportWordCheck(input: text, article: PlainTextImporter.importArticle(text))
            #expect(check.problems.isEmpty, "\(url.lastPathComponent): \(check.problems.prefix(5))")
        }
    }

    @Test func checkerNoticesALostLine() throws {
        let text = try TestData.text(TestData.seed)
        var article = PlainTextImporter.importArticle(text)
        article.blocks.remove(at: 5)
        let check = ImportWordCheck(input: text, article: article)
        #expect(check.problems.contains { $0.hasPrefix("line lost") && $0.contains("Tổng Bí thư Nguyễn Phú Trọng") })
    }

    @Test func checkerNoticesLinesOutOfOrder() throws {
        let text = try TestData.text(TestData.seed)
        var article = PlainTextImporter.importArticle(text)
        article.blocks.swapAt(5, 6)
        #expect(!ImportWordCheck(input: text, article: article).problems.isEmpty)
    }

    @Test func checkerNoticesInventedOrDuplicatedText() throws {
        let text = try TestData.text(TestData.seed)
        var article = PlainTextImporter.importArticle(text)
        article.blocks.insert(Block(.paragraph, "Một đoạn không có trong bài."), at: 4)
        #expect(ImportWordCheck(input: text, article: article).problems.contains { $0.contains("matched 0 times") })
        article = PlainTextImporter.importArticle(text)
        article.blocks.append(article.blocks[4])
        #expect(!ImportWordCheck(input: text, article: article).problems.isEmpty)
    }

    @Test func checkerNoticesAMissingHeader() throws {
        let url = TestData.testdata.appendingPathComponent("articles-dantri/news_business_043.txt")
        let text = try TestData.text(url)
        var article = PlainTextImporter.importArticle(text)
        article.metadata.extra = [:]
        #expect(ImportWordCheck(input: text, article: article).problems.contains { $0.contains("doc_id") })
    }
}
