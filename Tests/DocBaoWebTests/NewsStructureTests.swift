import DocBaoCore
import Testing

@testable import DocBaoWeb

/// The news-structure steps applied after the content finder (issue 16): labels and credits taken
/// off, never a word of the author's changed.
@Suite struct NewsStructureTests {
    @Test(arguments: [
        ("(Dân trí) - Ngày đầu tiên của đợt nghỉ lễ", "Ngày đầu tiên của đợt nghỉ lễ"),
        ("(Dân trí)- Ngày đầu tiên", "Ngày đầu tiên"),
        ("TTO - Bộ Giáo dục và Đào tạo chịu trách nhiệm", "Bộ Giáo dục và Đào tạo chịu trách nhiệm"),
        ("(Chinhphu.vn) - Hội nghị ngoại giao lần thứ 29", "Hội nghị ngoại giao lần thứ 29"),
        ("VOV.VN - Chiều 6/12, Thủ tướng", "Chiều 6/12, Thủ tướng"),
        ("VTV.vn – Mưa lớn", "Mưa lớn"),
        ("(TTXVN) — Sáng nay", "Sáng nay"),
    ])
    func brandLabelIsTakenOff(lead: String, expected: String) {
        #expect(NewsStructure.withoutBrandLabel(lead) == expected)
    }

    @Test(arguments: [
        "TP.HCM - Sáng 6/12, mưa lớn",  // a place, not a label
        "Covid-19 - những điều cần biết",
        "(Ảnh minh họa) cho thấy điều gì và vì sao chúng ta cần đọc kỹ nội dung này trước khi quyết định",
        "Hà Nội - Thủ đô ngàn năm",
        "(Dân trí) -",  // nothing after the label: kept
    ])
    func otherOpeningsStay(lead: String) {
        #expect(NewsStructure.withoutBrandLabel(lead) == lead)
    }

    @Test func creditsComeOutOfCaptionsAsWritten() {
        #expect(NewsStructure.captionCredit("Công viên Thủ Lệ vẫn khá đông khách (Ảnh: Hữu Nghị)")! == ("Công viên Thủ Lệ vẫn khá đông khách", "Hữu Nghị"))
        #expect(NewsStructure.captionCredit("Thủ tướng Phạm Minh Chính - Ảnh: Hải Vân")! == ("Thủ tướng Phạm Minh Chính", "Hải Vân"))
        #expect(NewsStructure.captionCredit("Bùi Thanh Sơn trả lời báo chí. Ảnh: VGP/Hải Minh")! == ("Bùi Thanh Sơn trả lời báo chí.", "VGP/Hải Minh"))
        #expect(NewsStructure.captionCredit("Biểu đồ giá vàng. Nguồn: SJC") == nil, "another label stays in the caption")
        #expect(NewsStructure.captionCredit("Một bức ảnh không ghi nguồn") == nil)
        #expect(NewsStructure.captionCredit("Chụp ảnh:trong một buổi chiều mưa rất lâu, lâu đến mức không ai còn nhớ nữa là bao lâu") == nil)
    }

    @Test func theClosingNameIsTheBylineAndTheLabelGoes() {
        var article = Article(blocks: [
            Block(.title, "Mặc dù lo ngại dịch Covid-19"),
            Block(.lead, "(Dân trí) - Ngày đầu tiên của đợt nghỉ lễ"),
            Block(.caption, "Công viên Thủ Lệ (Ảnh: Hữu Nghị)"),
            Block(.paragraph, "Hiện tại công viên Thủ Lệ vẫn mở cửa."),
            Block(.paragraph, "Hữu Nghị"),
        ], sections: [Section(label: "Mặc dù lo ngại dịch Covid-19", block: 0)],
           metadata: ArticleMetadata(date: "Thứ sáu, 30/04/2021 - 14:27"))
        NewsStructure.apply(to: &article)
        #expect(article.blocks.map(\.kind) == [.title, .lead, .caption, .paragraph, .byline])
        #expect(article.lead == "Ngày đầu tiên của đợt nghỉ lễ")
        #expect(article.blocks[2].text == "Công viên Thủ Lệ" && article.blocks[2].credit == "Hữu Nghị")
        #expect(article.metadata.byline == "Hữu Nghị")
        #expect(article.metadata.date == "2021-04-30T14:27:00+07:00")
    }

    @Test func anAuthorPrintedOutsideTheTextClosesIt() {
        var article = Article(blocks: [Block(.title, "Tiêu đề"), Block(.paragraph, "Một đoạn văn kết thúc bằng dấu chấm.")],
                              sections: [Section(label: "Tiêu đề", block: 0)], metadata: ArticleMetadata(byline: "Hải Vân"))
        NewsStructure.apply(to: &article)
        #expect(article.blocks.last == Block(.byline, "Hải Vân"))
        var sentence = Article(blocks: [Block(.title, "Tiêu đề"), Block(.paragraph, "Tôi đã bị chuột rút.")],
                               sections: [Section(label: "Tiêu đề", block: 0)])
        NewsStructure.apply(to: &sentence)
        #expect(sentence.blocks.last?.kind == .paragraph, "a sentence is not a name")
    }

    @Test(arguments: [
        ("Thứ ba, 13/4/2021, 23:41 (GMT+7)", "2021-04-13T23:41:00+07:00"),
        ("Thứ sáu, 30/04/2021 - 14:27", "2021-04-30T14:27:00+07:00"),
        ("Thứ Hai, 19/04/2021 - 23:20", "2021-04-19T23:20:00+07:00"),
        ("16/04/2021 20:50 GMT+7", "2021-04-16T20:50:00+07:00"),
        ("09/12/2016 | 15:42", "2016-12-09T15:42:00+07:00"),
        ("2021-04-30 14:27", "2021-04-30T14:27:00+07:00"),
        ("Chủ nhật, 6/12/2026, 10:30 (GMT+7)", "2026-12-06T10:30:00+07:00"),
        ("06/12/2026 10:30:15 PM GMT+0", "2026-12-06T22:30:15+00:00"),
        ("Cập nhật: 6/12/2026", "2026-12-06"),
        ("2021-03-26T00:15:28+07:00", "2021-03-26T00:15:28+07:00"),
    ])
    func vietnameseDatesReadAsISO(text: String, iso: String) {
        #expect(VietnameseDate.iso(text) == iso)
    }

    @Test(arguments: ["Thứ hai", "32/13/2021", "lúc 10:30", "", "1/2"])
    func notADate(text: String) {
        #expect(VietnameseDate.iso(text) == nil)
    }
}
