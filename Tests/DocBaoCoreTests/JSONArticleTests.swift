import Foundation
import Testing
@testable import DocBaoCore

@Suite struct JSONArticleTests {
    static func decodeError(_ json: String) -> ArticleJSONError? {
        do {
            _ = try ArticleJSON.decode(Array(json.utf8))
            return nil
        } catch {
            return error as? ArticleJSONError
        }
    }

    @Test func seedRoundTripsAndIsDocumentedForm() throws {
        let article = PlainTextImporter.importArticle(try TestData.text(TestData.seed))
        let json = try ArticleJSON.encode(article)
        #expect(try ArticleJSON.decode(Array(json.utf8)) == article)
        #expect(json.contains("\"format\" : \"docbao-article\""))
        #expect(json.contains("\"version\" : 1"))
        #expect(json.contains("\"title\" : \"Thứ trưởng Ngoại giao trả lời báo chí về kết quả Hội nghị ngoại giao 29\""))
        #expect(json.contains("\"lead\" : \"Hội nghị ngoại giao lần thứ 29"))
        #expect(json.contains("\"credit\" : \"Ảnh: VGP/Hải Minh\""))
        #expect(json.contains("\"url\" : \"http://baochinhphu.vn/hoat-dong-bo-nganh/"))
        let keys = ["\"blocks\"", "\"format\"", "\"lead\"", "\"metadata\"", "\"sections\"", "\"title\"", "\"version\""]
        let positions = keys.compactMap { json.range(of: "\n  " + $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
    }

    @Test func everyCorpusArticleRoundTrips() throws {
        for url in try TestData.corpusArticles() {
            let article = PlainTextImporter.importArticle(try TestData.text(url))
            let decoded = try ArticleJSON.decode(Array(try ArticleJSON.encode(article).utf8))
            #expect(decoded == article, "\(url.lastPathComponent)")
        }
    }

    /// Found by the json fuzz target: an article with no title block was written with `"title": ""`,
    /// which reading took for a title to insert, so the export read back with an extra empty block.
    @Test func anArticleWithoutATitleRoundTrips() throws {
        let blocks = [Block(.lead, "Sapo."), Block(.paragraph, "Một."), Block(.heading, "Hai")]
        let article = Article(blocks: blocks, sections: Outline.sections(for: blocks))
        let json = try ArticleJSON.encode(article)
        #expect(try ArticleJSON.decode(Array(json.utf8)) == article)
    }

    @Test func titleAndLeadAloneMakeBlocks() throws {
        let article = try ArticleJSON.decode(Array(#"{"title": "Tiêu đề", "lead": "Sapo."}"#.utf8))
        #expect(article.blocks == [Block(.title, "Tiêu đề"), Block(.lead, "Sapo.")])
        #expect(article.sections == [Section(label: "Tiêu đề", block: 0)])
    }

    @Test func insertedTitleMovesGivenSections() throws {
        let json = #"""
        {"title": "T", "blocks": [{"kind": "paragraph", "text": "Một"}, {"kind": "heading", "text": "Hai"}],
         "sections": [{"label": "Hai", "block": 1, "level": 0}]}
        """#
        let article = try ArticleJSON.decode(Array(json.utf8))
        #expect(article.blocks.map(\.text) == ["T", "Một", "Hai"])
        // The given section moves past the inserted title, and an opening section is added in front.
        #expect(article.sections == [Section(label: "T", block: 0), Section(label: "Hai", block: 2)])
    }

    @Test func emptySectionsGetAnOpeningSection() throws {
        let json = #"{"title": "T", "blocks": [{"kind": "paragraph", "text": "Một"}], "sections": []}"#
        let article = try ArticleJSON.decode(Array(json.utf8))
        #expect(article.sections == [Section(label: "T", block: 0)])
        var s = ReaderState(article: article, size: Size(width: 100, height: 30))
        _ = Reader.reduce(&s, .action(.toggleFocus))
        _ = Reader.reduce(&s, .action(.sidebarDown))
        #expect(s.sidebarCursor == 0)
    }

    @Test func textFromJSONIsCleaned() throws {
        let json = #"{"blocks": [{"kind": "title", "text": "A\u001b[2J\u202eB\u0065\u0301"}], "metadata": {"extra": {"k\u009b": "v\r\n"}}}"#
        let article = try ArticleJSON.decode(Array(json.utf8))
        #expect(article.title == "A␛[2J<U+202E>Bé")
        #expect(article.metadata.extra == ["k<U+009B>": "v\n"])
    }

    @Test func malformedJSONNamesThePosition() throws {
        let error = try #require(Self.decodeError("{\"blocks\": [\n  {\"kind\": \"title\" \"text\": \"x\"}]}"))
        #expect(error.line == 2 && error.column == 20)
        #expect(error.message.contains("line 2, column 20"))
        #expect(error.message.contains("expected ',' or '}'"))
        let bad = try #require(Self.decodeError("{\"title\": tru}"))
        #expect(bad.message.contains("line 1, column 11"))
    }

    @Test func truncatedJSONNamesThePosition() throws {
        let json = try ArticleJSON.encode(PlainTextImporter.importArticle(try TestData.text(TestData.seed)))
        let cut = String(json.prefix(json.count / 2))
        let error = try #require(Self.decodeError(cut))
        let lines = cut.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(error.line == lines.count && error.column == lines.last!.count + 1)
        #expect(error.message.contains("unexpected end of input"))
        #expect(error.message.contains("line \(lines.count)"))
        #expect(Self.decodeError("")?.message.contains("line 1, column 1") == true)
    }

    @Test func unknownKindIsAClearError() throws {
        let error = try #require(Self.decodeError(#"{"blocks": [{"kind": "title", "text": "T"}, {"kind": "poem", "text": "x"}]}"#))
        #expect(error.message.contains("block 1: unknown kind \"poem\""))
        #expect(error.message.contains("paragraph"))
    }

    @Test func sectionsOutOfRangeAreAnError() throws {
        let error = try #require(Self.decodeError(#"{"blocks": [{"kind": "title", "text": "T"}], "sections": [{"label": "X", "block": 99}]}"#))
        #expect(error.message.contains("block 99") && error.message.contains("1 blocks"))
        #expect(Self.decodeError(#"{"blocks": [{"kind": "title", "text": "T"}], "sections": [{"label": "X", "block": -1}]}"#) != nil)
    }

    @Test func otherStructuralErrors() {
        #expect(Self.decodeError(#"{"format": "other", "title": "T"}"#)?.message.contains("not a docbao article") == true)
        #expect(Self.decodeError(#"{"version": 2, "title": "T"}"#)?.message.contains("unsupported version 2") == true)
        #expect(Self.decodeError(#"{"blocks": [{"kind": "title"}]}"#)?.message.contains("blocks[0]: missing \"text\"") == true)
        #expect(Self.decodeError(#"{"blocks": [{"kind": "title", "text": 3}]}"#)?.message.contains("blocks[0].text") == true)
        #expect(Self.decodeError("[1, 2]")?.message.contains("the document") == true)
        #expect(Self.decodeError("{}")?.message.contains("neither") == true)
        #expect(Self.decodeError(String(repeating: "[", count: 600))?.message.contains("nesting") == true)
    }
}
