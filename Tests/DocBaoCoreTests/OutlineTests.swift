import Testing
@testable import DocBaoCore

@Suite struct OutlineTests {
    @Test func seedLabels() throws {
        let blocks = PlainTextImporter.importArticle(try TestData.text(TestData.seed)).blocks
        let labels = Outline.sections(for: blocks).map(\.label)
        #expect(labels == [
            "Thứ trưởng Ngoại giao trả lời báo chí về kết quả Hội nghị ngoại giao 29",
            "Thứ nhất: đấu tranh bảo vệ chủ quyền",
            "Thứ hai: ngoại giao kinh tế phục vụ",
        ])
    }

    @Test func withoutEnumerationsOnlyOpeningAndHeadings() throws {
        let url = TestData.testdata.appendingPathComponent("articles/03-am-thuc-21474088.txt")
        let article = PlainTextImporter.importArticle(try TestData.text(url))
        let headings = article.blocks.indices.filter { article.blocks[$0].kind == .heading }
        #expect(headings.count == 14)
        #expect(article.sections.map(\.block) == [0] + headings)
        #expect(article.sections.dropFirst().map(\.label).prefix(3) == ["Đồ ngọt", "Đồ uống có cồn", "Rượu vang trắng"])
    }

    @Test func anEnumeratedParagraphAfterSpacesOrALongFirstWordIsStillFound() {
        // The first word is read from the first 16 bytes; when they do not hold it, from the text
        // (a JSON block keeps its leading spaces).
        let blocks = [Block(.title, "Tiêu đề"), Block(.paragraph, "            Thứ nhất, cần làm A."),
                      Block(.paragraph, "Thứ hai, cần làm B."), Block(.paragraph, "Chốngtàngchốngchốngxâmlược là một từ dài.")]
        #expect(Outline.sections(for: blocks).map(\.label) == ["Tiêu đề", "Thứ nhất: cần làm A", "Thứ hai: cần làm B"])
    }

    @Test func enumerationForms() {
        let blocks = [
            Block(.title, "Bốn điểm tựa"),
            Block(.paragraph, "Thứ nhất, triển vọng kinh tế Việt Nam trong năm 2017 hứa hẹn nhiều điểm sáng."),
            Block(.paragraph, "Thứ hai: vấn đề lợi nhuận doanh nghiệp."),
            Block(.paragraph, "Thứ ba là vì, quy mô thị trường dự kiến sẽ tăng mạnh."),
            Block(.paragraph, "Một là việc giữ vững ổn định vĩ mô."),
            Block(.paragraph, "Hai là tăng trưởng tín dụng."),
        ]
        #expect(Outline.sections(for: blocks).dropFirst().map(\.label) == [
            "Thứ nhất: triển vọng kinh tế Việt Nam",
            "Thứ hai: lợi nhuận doanh nghiệp",
            "Thứ ba: quy mô thị trường dự kiến",
            "Một là: giữ vững ổn định vĩ mô",
            "Hai là: tăng trưởng tín dụng",
        ])
    }

    @Test func aLoneSecondItemIsNotAnEnumeration() {
        let blocks = [
            Block(.title, "Lịch thi đấu"),
            Block(.paragraph, "Thứ hai, đội tuyển tập trung tại Hà Nội."),
            Block(.paragraph, "Một là chuyện cũ."),
        ]
        #expect(Outline.sections(for: blocks) == [Section(label: "Lịch thi đấu", block: 0)])
    }

    @Test func headingLabelsAndNesting() {
        let blocks = [
            Block(.title, "Tiêu đề"),
            Block(.heading, "Dùng thuốc điều trị triệu chứng viêm mũi dị ứng ở trẻ nhỏ:"),
            Block(.paragraph, "Thứ nhất là nghỉ ngơi."),
            Block(.paragraph, "Thứ hai là uống nhiều nước."),
            Block(.heading, "Kết luận:"),
        ]
        #expect(Outline.sections(for: blocks) == [
            Section(label: "Tiêu đề", block: 0, level: 0),
            Section(label: "Dùng thuốc điều trị triệu chứng viêm mũi…", block: 1, level: 0),
            Section(label: "Thứ nhất: nghỉ ngơi", block: 2, level: 1),
            Section(label: "Thứ hai: uống nhiều nước", block: 3, level: 1),
            Section(label: "Kết luận", block: 4, level: 0),
        ])
    }

    @Test func emptyArticleHasNoSections() {
        #expect(Outline.sections(for: []).isEmpty)
        #expect(Outline.sections(for: [Block(.paragraph, "Chỉ một đoạn.")]) == [Section(label: "Chỉ một đoạn.", block: 0)])
    }
}
