import Foundation
import Testing
@testable import DocBaoCore

/// Every test-data article imports into a sound model.
@Suite struct ImportCorpusTests {
    /// File names of `articles/` whose MANIFEST layout is "repo-layout" (the lead comes last).
    static func repoLayoutFiles() throws -> Set<String> {
        let manifest = try TestData.text(TestData.testdata.appendingPathComponent("articles/MANIFEST.tsv"))
        let rows = manifest.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let header = rows.first, let file = header.firstIndex(of: "file"), let layout = header.firstIndex(of: "layout")
        else { return [] }
        return Set(rows.dropFirst().filter { $0[layout] == "repo-layout" }.map { String($0[file]) })
    }

    /// Swift compares strings by canonical equivalence; NFC checks must compare scalars.
    static func sameScalars(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    @Test func everyArticleImportsSoundly() throws {
        let urls = try TestData.corpusArticles()
        #expect(urls.count == 79)
        for url in urls {
            let name = url.lastPathComponent
            let article = PlainTextImporter.importArticle(try TestData.text(url))
            #expect(!article.title.isEmpty, "\(name): empty title")
            #expect(article.blocks.first?.kind == .title, "\(name): block 0 is not the title")
            for (index, block) in article.blocks.enumerated() {
                #expect(!block.text.isEmpty, "\(name): block \(index) is empty")
                for text in [block.text, block.credit ?? "", block.url ?? ""] {
                    #expect(Self.sameScalars(text, text.precomposedStringWithCanonicalMapping), "\(name): block \(index) is not NFC")
                    #expect(Self.sameScalars(text, TextSanitizer.clean(text)), "\(name): block \(index) is not clean")
                    #expect(!text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.contains("  "), "\(name): block \(index) spacing")
                }
            }
            #expect(article.sections.first == Section(label: article.title, block: 0, level: 0), "\(name)")
            let starts = article.sections.map(\.block)
            #expect(starts == starts.sorted() && Set(starts).count == starts.count, "\(name): section order")
            #expect(starts.allSatisfy { article.blocks.indices.contains($0) }, "\(name): section out of range")
            let endKinds: Set<Block.Kind> = [.byline, .source]
            let firstEnd = article.blocks.firstIndex { endKinds.contains($0.kind) } ?? article.blocks.count
            #expect(article.blocks[firstEnd...].allSatisfy { endKinds.contains($0.kind) }, "\(name): byline or source before the end")
        }
    }

    @Test func repoLayoutLeadMovesUpFromTheEnd() throws {
        let repo = try Self.repoLayoutFiles()
        #expect(repo.count == 50)
        for name in repo.sorted() {
            let text = try TestData.text(TestData.testdata.appendingPathComponent("articles/\(name)"))
            let lastLine = try #require(text.split(separator: "\n").last { !$0.allSatisfy { $0 == " " } })
            let expected = LineShape.folded(TextSanitizer.clean(String(lastLine)))
            let article = PlainTextImporter.importArticle(text)
            #expect(article.blocks.count > 1 && article.blocks[1] == Block(.lead, expected), "\(name)")
            #expect(article.blocks.filter { $0.kind == .lead }.count == 1, "\(name)")
        }
    }

    @Test func flatLayoutKeepsTheBodyAsOneParagraph() throws {
        for name in ["51-edge-22453204.txt", "52-edge-22741971.txt", "53-kinh-te-22713729.txt"] {
            let text = try TestData.text(TestData.testdata.appendingPathComponent("articles/\(name)"))
            let lines = text.split(separator: "\n").map { LineShape.folded(String($0)) }
            let article = PlainTextImporter.importArticle(text)
            #expect(article.blocks == [Block(.title, lines[0]), Block(.lead, lines[1]), Block(.paragraph, lines[2])], "\(name)")
        }
    }

    @Test func nonNFCFilesImportLikeTheirNFCForms() throws {
        let dantri = try TestData.corpusArticles().filter { $0.path.contains("articles-dantri") }
        var decomposed = 0
        for url in dantri {
            let text = try TestData.text(url)
            let nfc = text.precomposedStringWithCanonicalMapping
            if !Self.sameScalars(nfc, text) { decomposed += 1 }
            let fromText = PlainTextImporter.importArticle(text).blocks
            let fromNFC = PlainTextImporter.importArticle(nfc).blocks
            #expect(fromText.count == fromNFC.count, "\(url.lastPathComponent)")
            for (a, b) in zip(fromText, fromNFC) {
                #expect(a.kind == b.kind && Self.sameScalars(a.text, b.text) && Self.sameScalars(a.credit ?? "", b.credit ?? ""),
                        "\(url.lastPathComponent): \(a.text.prefix(40))")
            }
        }
        #expect(decomposed == 6)
    }

    @Test func dantriHeadersBecomeMetadata() throws {
        let url = TestData.testdata.appendingPathComponent("articles-dantri/news_business_043.txt")
        let article = PlainTextImporter.importArticle(try TestData.text(url))
        #expect(article.metadata.extra == ["doc_id": "news_business_043"])
        #expect(article.metadata.date == "20210424")
        #expect(article.metadata.url?.hasPrefix("https://dantri.com.vn/kinh-doanh/cac-du-an-vanh-dai") == true)
        // The file opens with a photo caption: the title is the address's headline spelled with the
        // article's words (those it never writes, "rui ro", stay as the address has them); the caption stays.
        #expect(article.title.hasPrefix("Các dự án Vành đai và con đường của Trung Quốc "))
        #expect(PlainTextImporter.slugFold(article.title) == "cacduanvanhdaivaconduongcuatrungquocdoimatvoiruiromoi")
        #expect(article.blocks[1].kind == .caption && article.blocks[1].credit == "Ảnh: Xinhua")
        #expect(article.blocks[2].kind == .lead)
        #expect(!article.blocks.contains { $0.text.hasPrefix("# ") })
    }

    /// Found by the importer fuzz target: in a first line "# = …" the " = " was found inside the "# "
    /// that opens it, and cutting out the key between them crashed.
    @Test func aHeaderLineWithoutAKeyIsText() {
        let article = PlainTextImporter.importArticle("# = giá trị\n# doc_id = 7\nMột đoạn văn.")
        #expect(article.metadata.extra.isEmpty)
        #expect(article.blocks.first?.text == "# = giá trị")
    }

    @Test func captionsBylinesAndCredits() throws {
        func article(_ name: String) throws -> Article {
            PlainTextImporter.importArticle(try TestData.text(TestData.testdata.appendingPathComponent(name)))
        }
        let sport = try article("articles/37-the-thao-21479688.txt")
        #expect(sport.blocks.last == Block(.byline, "ĐĂNG HUỲNH"))
        #expect(sport.metadata.byline == "ĐĂNG HUỲNH")
        let stocks = try article("articles/20-kinh-te-21479108.txt")
        #expect(stocks.blocks.last == Block(.source, "Theo ĐTCK"))
        #expect(stocks.metadata.sourceName == "ĐTCK")
        let health = try article("articles/03-am-thuc-21474088.txt")
        #expect(health.blocks.last == Block(.byline, "Phương Hà (Theo Health)"))
        #expect(health.metadata.byline == "Phương Hà" && health.metadata.sourceName == "Health")
        let football = try article("articles/36-the-thao-21478088.txt")
        let captions = football.blocks.filter { $0.kind == .caption }
        #expect(captions.count == 4 && captions.allSatisfy { $0.credit == "Ảnh: Quang Liêm" && !$0.text.contains("Ảnh") })
        let family = try article("articles/10-doi-song-21481083.txt")
        #expect(family.blocks.filter { $0.kind == .caption }.map(\.text) == ["Mẹ chồng ghét con dâu ra mặt (Ảnh minh họa)", "(Ảnh minh họa)"])
        let crime = try article("articles/28-phap-luat-21473894.txt")
        #expect(crime.blocks.last == Block(.byline, "Tin-ảnh: Phạm Dũng") && crime.metadata.byline == "Phạm Dũng")
        let windows = try article("articles/05-cong-nghe-21471762.txt")
        #expect(windows.blocks.contains { $0.text.hasPrefix("Ổ cứng bạn cần được dọn dẹp") && $0.text.hasSuffix("bạn vào Settings > System > Storage và bật Storage sense.") })
    }
}
