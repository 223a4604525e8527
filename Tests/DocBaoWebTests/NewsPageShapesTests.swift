import DocBaoCore
import Testing

@testable import DocBaoWeb

/// The markup's news structure kept through the finder (issue 16): the sapo element, bold-only
/// paragraphs as headings, the right-aligned bold name as byline, caption boxes, the printed date.
@Suite struct NewsPageShapesTests {
    static let body = (1...6).map {
        "<p>Đoạn văn thứ \($0) của bài báo, có đủ chữ và dấu phẩy, kể về một sự việc xảy ra ở Hà Nội, để bộ tìm nội dung nhận ra đây là thân bài.</p>"
    }.joined()

    static let page = """
        <html><head><meta charset="utf-8"><title>Điểm vui chơi đông khách</title></head><body>
        <nav class="menu"><a href="/">Trang chủ</a><a href="/xa-hoi">Xã hội</a></nav>
        <h1 class="title-page">Điểm vui chơi đông khách</h1>
        <span class="date">Thứ sáu, 30/4/2021, 14:27 (GMT+7)</span>
        <h2 class="singular-sapo">(Dân trí) - Ngày đầu tiên của đợt nghỉ lễ bắt đầu trong tâm trạng lo lắng.</h2>
        <div class="singular-content">\(body)
        <p><strong>Công viên vẫn mở cửa</strong></p>\(body)
        <div class="VCSortableInPreviewMode" type="Photo"><img src="a.jpg"><div class="PhotoCMS_Caption"><p>Khách tham quan công viên Thủ Lệ - Ảnh: Hữu Nghị</p></div></div>
        <p style="text-align: right;"><strong>Hữu Nghị</strong></p></div>
        <footer>Giấy phép số 298/GP-BTTTT</footer></body></html>
        """

    @Test func theNewsStructureComesThrough() {
        let article = HTMLPage.article(Array(Self.page.utf8))
        #expect(article.blocks[0] == Block(.title, "Điểm vui chơi đông khách"))
        #expect(article.blocks[1] == Block(.lead, "Ngày đầu tiên của đợt nghỉ lễ bắt đầu trong tâm trạng lo lắng."))
        #expect(article.blocks.contains(Block(.heading, "Công viên vẫn mở cửa")))
        #expect(article.blocks.contains(Block(.caption, "Khách tham quan công viên Thủ Lệ", credit: "Hữu Nghị")))
        #expect(article.blocks.filter { $0.kind == .byline } == [Block(.byline, "Hữu Nghị")])
        #expect(article.metadata.byline == "Hữu Nghị")
        #expect(article.metadata.date == "2021-04-30T14:27:00+07:00")
        #expect(article.sections.map(\.label).contains("Công viên vẫn mở cửa"))
        #expect(!article.blocks.contains { $0.text.contains("Giấy phép") || $0.text.contains("Trang chủ") })
    }
}
