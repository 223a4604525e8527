import Foundation
import Testing
@testable import DocBaoCore

/// The title of a file without a headline or an address to spell it from (issue 18, item 8):
/// the first sentence, whole, never a photo's caption; only a paragraph without full stops is cut.
@Suite struct DerivedTitleTests {
    static let sentence = "Theo thông báo của Bộ Y tế chiều nay, thêm 35 ca mắc mới được ghi nhận tại Hà Nội, "
        + "Bắc Ninh và Bắc Giang, nâng tổng số ca mắc trong đợt dịch thứ tư lên hơn 3.000 người."

    @Test func aLongFirstSentenceIsTheWholeTitle() {
        let article = PlainTextImporter.importArticle(Self.sentence + " Các ca mắc mới đều đã được cách ly.\n\nĐoạn thứ hai.\n")
        #expect(article.title == String(Self.sentence.dropLast()))
        #expect(article.title.split(separator: " ").count > 16 && !article.title.hasSuffix("…"))
    }

    @Test func aCaptionIsNeverTheTitle() {
        let text = "Nhân viên y tế lấy mẫu xét nghiệm cho người dân tại Phnom Penh (Ảnh: Reuters).\n\n"
            + Self.sentence + "\n\nĐoạn thứ hai.\n"
        let article = PlainTextImporter.importArticle(text)
        #expect(article.title == String(Self.sentence.dropLast()))
        #expect(article.blocks.contains { $0.kind == .caption && $0.text.hasPrefix("Nhân viên y tế") })
    }

    @Test func anAbbreviationDoesNotEndTheSentence() {
        let text = "Chiều 12/5, GS. Nguyễn Văn Tuấn và TS. Lê Minh cho biết kết quả nghiên cứu tại TP. Hồ Chí Minh "
            + "đã được công bố trên tạp chí quốc tế. Nhóm sẽ tiếp tục.\n\nĐoạn thứ hai.\n"
        #expect(PlainTextImporter.importArticle(text).title
            == "Chiều 12/5, GS. Nguyễn Văn Tuấn và TS. Lê Minh cho biết kết quả nghiên cứu tại TP. Hồ Chí Minh đã được công bố trên tạp chí quốc tế")
    }

    @Test func onlyAParagraphWithoutFullStopsIsCut() {
        // Short words: cut after so many words; longer ones: at the last word that fits the characters.
        let short = (1...500).map { "t\($0 % 10)" }
        #expect(PlainTextImporter.derivedTitle(from: short.joined(separator: " "))
            == short.prefix(PlainTextImporter.derivedTitleWords).joined(separator: " ") + "…")
        let words = (1...500).map { "chữ\($0)" }
        let title = PlainTextImporter.derivedTitle(from: words.joined(separator: " "))
        let kept = title.dropLast().split(separator: " ").map(String.init)
        #expect(title.hasSuffix("…") && kept == Array(words.prefix(kept.count)))
        #expect(title.count <= PlainTextImporter.derivedTitleCharacters + 1 && title.count > PlainTextImporter.derivedTitleCharacters - 8)
        let word = String(repeating: "a", count: 5_000)
        #expect(PlainTextImporter.derivedTitle(from: word) == String(repeating: "a", count: PlainTextImporter.derivedTitleCharacters) + "…")
        // A question or an exclamation ends the sentence too, and keeps its mark.
        #expect(PlainTextImporter.derivedTitle(from: "Vì sao giá xăng tăng lần thứ ba liên tiếp trong tháng này? Bộ Công Thương trả lời.")
            == "Vì sao giá xăng tăng lần thứ ba liên tiếp trong tháng này?")
    }

    /// The dantri files without their address (the case: nothing to spell the headline
    /// from): a title made from the opening is its whole first sentence, never a caption's.
    @Test func dantriFilesWithoutAnAddressGetWholeSentences() throws {
        var derived = 0
        for url in try TestData.corpusArticles() where url.path.contains("articles-dantri") {
            let text = try TestData.text(url).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("# url") }.joined(separator: "\n")
            let article = PlainTextImporter.importArticle(text)
            let title = article.title
            // Made from the opening (the rest have a headline line): a paragraph starts with it.
            let stem = title.hasSuffix("…") ? String(title.dropLast()) : title
            guard article.blocks.dropFirst().contains(where: { $0.text.hasPrefix(stem) }) else { continue }
            derived += 1
            #expect(!title.hasSuffix("…"), "\(url.lastPathComponent): \(title)")
            #expect(!article.blocks.contains { $0.kind == .caption && $0.text.hasPrefix(stem) }, "\(url.lastPathComponent): \(title)")
        }
        #expect(derived >= 10)
    }
}
