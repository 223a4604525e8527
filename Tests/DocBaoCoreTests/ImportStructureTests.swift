import Foundation
import Testing
@testable import DocBaoCore

/// Lines that look like headings but are not sections: broken-off connectives, uncredited captions,
/// list titles, speaker labels and contact lines.
@Suite struct ImportStructureTests {
    static func article(_ name: String) throws -> Article {
        PlainTextImporter.importArticle(try TestData.text(TestData.testdata.appendingPathComponent(name)))
    }

    static func labels(_ article: Article) -> [String] { article.sections.map(\.label) }

    @Test func aBrokenOffConnectiveJoinsItsSentence() throws {
        #expect(PlainTextImporter.joinFragments(["Giá tăng.", "Tuy nhiên ", "Hà Nội vẫn đông khách."])
            == ["Giá tăng.", "Tuy nhiên Hà Nội vẫn đông khách."])
        #expect(PlainTextImporter.joinFragments(["Trong khi đó", "Chelsea thắng."]) == ["Trong khi đó Chelsea thắng."])
        // A heading with a trailing space is still a heading of its own.
        #expect(PlainTextImporter.joinFragments(["Nhiều băn khoăn ", "Khảo sát tại nhiều khu chung cư cũ."]).count == 2)
        let sea = try Self.article("articles/33-the-gioi-21472184.txt")
        #expect(!sea.blocks.contains { $0.text == "Tuy nhiên" })
        #expect(sea.blocks.contains { $0.kind == .paragraph && $0.text.hasPrefix("Tuy nhiên Biển Đông có một yếu tố bất biến") })
        #expect(!Self.labels(sea).contains("Tuy nhiên"))
    }

    @Test func photoNounsAndTheOpeningPhotoMakeCaptions() throws {
        let film = try Self.article("articles/14-giai-tri-21472188.txt")
        for text in ["'La La Land' có cảnh mở đầu đầy ấn tượng", "Chân dung đạo diễn trẻ tài năng Damiel Chazelle"] {
            #expect(film.blocks.contains(Block(.caption, text)), "\(text)")
        }
        #expect(Self.labels(film).contains("Lập nghiệp bằng… niềm đam mê"))
        #expect(Self.labels(film).contains("Gương mặt mới đầy tiềm năng ở Hollywood"))
        let football = try Self.article("articles/38-the-thao-21473139.txt")
        #expect(football.blocks[2] == Block(.caption, "Sẽ là bất ngờ lớn nếu Chelsea không vô địch mùa này"))
        #expect(football.blocks[3] == Block(.heading, "Thiên thời, địa lợi"))
        // Further down, two headings in a row stay headings: either one may be the caption.
        #expect(film.blocks.contains(Block(.heading, "Hiệp hội Đạo diễn Mỹ vinh danh cha đẻ của La La Land")))
    }

    @Test func aPortraitCaptionIsATitleAndAName() throws {
        let exam = try Self.article("articles-dantri/news_education_232.txt")
        #expect(exam.blocks.contains(Block(.caption, "Thủ tướng Phạm Minh Chính")))
        let film = try Self.article("articles/15-giai-tri-21481568.txt")
        #expect(film.blocks.contains(Block(.caption, "Đạo diễn trẻ Barry Jenkins")))
        #expect(PlainTextImporter.block(for: "Tết ở Hà Nội").kind == .heading)
        #expect(PlainTextImporter.block(for: "Thành phố Hồ Chí Minh").kind == .heading)
        #expect(PlainTextImporter.block(for: "Bà Nà Hills").kind == .heading)
    }

    /// Issue 18, item 3: a portrait's name with a role is a caption, and a subhead beside it stays one;
    /// the caption repeating a numbered entry's name is not a second section.
    @Test func portraitRolesAndRepeatedNamesAreCaptions() throws {
        #expect(PlainTextImporter.block(for: "Ông Bùi Khắc Sơn, Chủ tịch HĐQT CTCP Xi măng").kind == .caption)
        #expect(PlainTextImporter.block(for: "HLV Frank Bernhardt của U23 Malaysia").kind == .caption)
        #expect(PlainTextImporter.block(for: "Năm 2017, XMC sẽ đẩy mạnh M&A").kind == .heading)
        #expect(PlainTextImporter.block(for: "Ông Sơn, người của công chúng").kind == .heading)
        #expect(!PlainTextImporter.isRole("... Và điểm riêng") && PlainTextImporter.isRole("Ủy viên Bộ Chính trị"))
        let opening = PlainTextImporter.classify(["Năm 2017, XMC sẽ đẩy mạnh M&A", "Ông Bùi Khắc Sơn, Chủ tịch HĐQT CTCP Xi măng",
                                                  "Công ty sẽ mua thêm hai nhà máy."], layout: .leadLast)
        #expect(opening.map(\.kind) == [.heading, .caption, .paragraph])
        let keepers = PlainTextImporter.classify(["1. Vito Mannone (Sunderland)", "Vito Mannone", "Thủ thành người Italia chơi hay.",
                                                  "2. Hugo Lloris (Tottenham)", "Hugo Lloris", "Anh là đội trưởng."], layout: .leadLast)
        #expect(keepers.map(\.kind) == [.heading, .caption, .paragraph, .heading, .caption, .paragraph])
        let land = try Self.article("articles/24-nha-dat-21469368.txt")
        #expect(!Self.labels(land).contains { $0.hasPrefix("Ông Nguyễn Quốc Hiệp") })
        let president = try Self.article("articles/40-thoi-su-21481504.txt")
        #expect(!Self.labels(president).contains { $0.hasPrefix("Ủy viên Bộ Chính trị") })
    }

    @Test func aSpeakerLabelLeadsIntoTheAnswer() throws {
        #expect(PlainTextImporter.joinFragments(["Bà Nguyễn Thị Mai:", "Tôi đồng ý."]) == ["Bà Nguyễn Thị Mai: Tôi đồng ý."])
        #expect(PlainTextImporter.joinFragments(["Nhóm corticoid:", "Nhóm này thường được bào chế."]).count == 2)
        let interview = try Self.article("articles/17-giao-duc-21479581.txt")
        #expect(interview.blocks.contains { $0.kind == .paragraph && $0.text.hasPrefix("Tiến sĩ tâm lý Nguyễn Hữu Long: Với trách nhiệm") })
        #expect(!Self.labels(interview).contains("Tiến sĩ tâm lý Nguyễn Hữu Long"))
    }

    @Test func aListTitleStaysAHeading() throws {
        let detox = try Self.article("articles/49-edge-21480198.txt")
        let title = try #require(detox.blocks.firstIndex { $0.text == "Nguyên liệu" })
        #expect(detox.blocks[title].kind == .heading)
        #expect(detox.blocks[(title + 1)...(title + 6)].allSatisfy { $0.kind == .listItem })
        #expect(Self.labels(detox).contains("Nguyên liệu"))
        let blocks = PlainTextImporter.classify(["Thành phần", "200g bột", "2 quả trứng", "Trộn đều."], layout: .leadLast)
        #expect(blocks.map(\.kind) == [.heading, .listItem, .listItem, .paragraph])
    }

    @Test func contactLinesAreNotHeadings() throws {
        let food = try Self.article("articles/01-am-thuc-21481761.txt")
        #expect(food.blocks.contains(Block(.paragraph, "Email: banbientap@i-com.vn")))
        #expect(food.blocks.contains(Block(.paragraph, "Hotline: 0914926900")))
        #expect(!Self.labels(food).contains { $0.hasPrefix("Email") || $0.hasPrefix("Hotline") })
        #expect(PlainTextImporter.block(for: "Trên website: imageskincare.vn hoặc qua fanpage www.facebook.com/Image").kind == .paragraph)
    }
}

@Suite struct ImportScalingTests {
    /// Hard-wrapped text: 4,000 lines that each continue the sentence join into one paragraph, in
    /// order; at 220 KB it is then cut into blocks of at most 64 KB (rule 13). (This input took
    /// minutes when every joined line re-read the whole paragraph; the speed itself is measured in
    /// benchmarks, not here.)
    @Test func hardWrappedTextJoinsIntoOneParagraphInOrder() {
        let line = "một dòng của đoạn văn bị ngắt cứng giữa chừng,"
        let lines = Array(repeating: line, count: 4000)
        let text = "Tiêu đề\n\n" + lines.joined(separator: "\n") + "\n"
        let article = PlainTextImporter.importArticle(text)
        let body = article.blocks.dropFirst()
        #expect(body.allSatisfy { $0.kind == .paragraph || $0.kind == .lead })
        #expect(body.count == (lines.joined(separator: " ").utf8.count + PlainTextImporter.maxBlockBytes - 1) / PlainTextImporter.maxBlockBytes)
        #expect(body.map(\.text).joined(separator: " ") == lines.joined(separator: " "))
    }
}
