import Foundation
import Testing
@testable import DocBaoCore

/// The seed article (baochinhphu.vn, blank-line-separated) imports exactly as the design expects.
@Suite struct ImportSeedTests {
    static let sourceURL = "http://baochinhphu.vn/hoat-dong-bo-nganh/thu-truong-ngoai-giao-tra-loi-bao-chi-ve-ket-qua-hoi-nghi-ngoai-giao-29/285150.vgp"

    let article: Article

    init() throws {
        article = PlainTextImporter.importArticle(try TestData.text(TestData.seed))
    }

    @Test func titleAndLead() throws {
        #expect(article.title == "Thứ trưởng Ngoại giao trả lời báo chí về kết quả Hội nghị ngoại giao 29")
        #expect(article.blocks[0].kind == .title)
        #expect(article.blocks[1].kind == .lead)
        let lead = try #require(article.lead)
        #expect(lead.hasPrefix("Hội nghị ngoại giao lần thứ 29 đề ra Chương trình hành động cụ thể"))
        #expect(lead.hasSuffix("nâng cao vị thế đất nước trên trường quốc tế."))
    }

    @Test func photoTitleAndCaption() throws {
        let photoTitles = article.blocks.filter { $0.kind == .photoTitle }
        #expect(photoTitles.map(\.text) == ["Bế mạc Hội nghị Ngoại giao lần thứ 29"])
        let captions = article.blocks.filter { $0.kind == .caption }
        #expect(captions.count == 1)
        let caption = try #require(captions.first)
        #expect(caption.text == "Thứ trưởng Ngoại giao Bùi Thanh Sơn trả lời báo chí về kết quả Hội nghị ngoại giao 29.")
        #expect(caption.credit == "Ảnh: VGP/Hải Minh")
        let photoIndex = try #require(article.blocks.firstIndex { $0.kind == .photoTitle })
        #expect(article.blocks[photoIndex + 1] == caption)
    }

    @Test func bylineAndSourceComeLast() throws {
        let last = Array(article.blocks.suffix(2))
        #expect(last == [Block(.byline, "Tuấn Dũng"), Block(.source, "Nguồn Chính Phủ", url: Self.sourceURL)])
        #expect(article.blocks.dropLast(2).allSatisfy { $0.kind != .byline && $0.kind != .source })
        #expect(article.metadata.byline == "Tuấn Dũng")
        #expect(article.metadata.sourceName == "Chính Phủ")
        #expect(article.metadata.url == Self.sourceURL)
    }

    @Test func shareButtonIsGone() {
        #expect(!article.blocks.contains { $0.text.contains("Share on") || $0.text.contains("Tumblr") })
    }

    @Test func bodyParagraphsInOrder() {
        let body = article.blocks.filter { $0.kind == .paragraph }
        #expect(body.count == 13)
        #expect(body.first?.text.hasPrefix("Trả lời báo chí về ý nghĩa và kết quả") == true)
        #expect(body.last?.text.hasSuffix("xây dựng ngành ngoại giao kiến tạo, phục vụ phát triển.") == true)
        #expect(article.blocks.filter { $0.kind == .heading }.isEmpty)
    }

    @Test func sectionsAndLabels() {
        let thuNhat = article.blocks.firstIndex { $0.text.hasPrefix("Thứ nhất là") }
        let thuHai = article.blocks.firstIndex { $0.text.hasPrefix("Thứ hai là") }
        #expect(article.sections == [
            Section(label: article.title, block: 0, level: 0),
            Section(label: "Thứ nhất: đấu tranh bảo vệ chủ quyền", block: thuNhat ?? -1, level: 0),
            Section(label: "Thứ hai: ngoại giao kinh tế phục vụ", block: thuHai ?? -1, level: 0),
        ])
    }

    @Test func bundledCopyImportsTheSame() throws {
        let bundled = PlainTextImporter.importArticle(try TestData.text(TestData.bundled))
        #expect(bundled == article)
    }
}
