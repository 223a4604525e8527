import Testing

@testable import DocBaoCore

/// What makes two articles one in the library: their words, without white space, link references
/// and the list of links a text export ends with (issue 16).
@Suite struct ArticleIdentityTests {
    @Test func whiteSpaceAndReferencesDoNotCount() {
        let page = "Lan đột biến\nDân trí đã liên hệ với Viện Nghiên cứu Rau quả[1], chuyên gia.\nXem thêm[2]."
        let export = """
            Lan đột biến

            Dân trí đã liên hệ với Viện Nghiên
            cứu Rau quả[1], chuyên gia.

            Xem thêm[2].

            Liên kết:
            [1] https://vnexpress.net/chu-de/vien-nghien-cuu-rau-qua-1234
            [2] https://dantri.com.vn/suc-khoe/a-very-long-address-that-the-dump-wrapped-onto-the-
               next-line.htm
            """
        #expect(ArticleIdentity.of(page) == ArticleIdentity.of(export))
        #expect(ArticleIdentity.of(page) == "Lanđộtbiến" + "DântríđãliênhệvớiViệnNghiêncứuRauquảchuyêngia" + "Xemthêm")
    }

    @Test func otherWordsStillCount() {
        #expect(ArticleIdentity.of("Giá vàng tăng") != ArticleIdentity.of("Giá vàng giảm"))
        // A closing "Liên kết:" that is the author's own words, not a list of addresses, counts.
        let prose = "Bài viết\nLiên kết:\nNhững mối liên kết giữa các vùng kinh tế"
        #expect(ArticleIdentity.of(prose).contains("Nhữngmốiliênkết"))
        // Brackets that are not references count.
        #expect(ArticleIdentity.of("Điều [a] và [12345678]") == "Điềuavà12345678")
        // A credit in brackets and the same credit on a line of its own are one.
        #expect(ArticleIdentity.of("Ra tòa (Nguồn: UEFA)") == ArticleIdentity.of("Ra tòa\nẢnh: UEFA"))
    }
}
