import DocBaoCore
import Foundation

/// The shape of a Vietnamese news article, applied to what the content finder found (issue 16):
/// the sapo without its brand label ("(Dân trí) -", "TTO -"), a photo's credit taken out of its
/// caption ("… (Ảnh: Hữu Nghị)"), the closing author line as the byline, and the dates these sites
/// print ("Thứ ba, 13/4/2021, 23:41 (GMT+7)"). Each step only labels or moves the author's words:
/// none is reworded, and a text that does not have the shape is left as it is.
public enum NewsStructure {
    /// Applies every step to `article`.
    public static func apply(to article: inout Article) {
        for i in article.blocks.indices {
            switch article.blocks[i].kind {
            case .lead:
                let lead = withoutBrandLabel(article.blocks[i].text)
                if lead != article.blocks[i].text, !lead.isEmpty { article.blocks[i].text = lead }
            case .caption where article.blocks[i].credit == nil:
                if let parts = captionCredit(article.blocks[i].text) {
                    article.blocks[i].text = parts.caption
                    article.blocks[i].credit = parts.credit
                }
            default:
                break
            }
        }
        markClosingByline(&article)
        if let date = article.metadata.date, let iso = VietnameseDate.iso(date) { article.metadata.date = iso }
    }

    // MARK: The sapo's brand label

    /// Bare labels that open a sapo, with a dash after them: agencies and papers that do not write
    /// their name in brackets. A token with ".vn" in it ("VOV.VN", "VTV.vn") is one too.
    static let bareLabels: Set<String> = ["TTO", "VOV", "VNA", "TTXVN", "PLO", "NLĐO", "ANTD", "GD&TĐ", "NDĐT", "ĐCSVN",
                                          "Kinhtedothi", "VnExpress", "VietNamNet", "Zing", "HNMO", "CAND", "QĐND"]

    /// The sapo without the label a site puts before it: "(Dân trí) - ", "(Chinhphu.vn) -", "TTO - ",
    /// "VOV.VN - ". A bracketed label of at most four words is always one; a bare word only when it
    /// is a known label or a domain. The rest of the sapo is returned exactly as written.
    public static func withoutBrandLabel(_ lead: String) -> String {
        let s = lead.drop { $0 == " " }
        var label: Substring
        var rest: Substring
        if s.first == "(" {
            guard let close = s.firstIndex(of: ")") else { return lead }
            label = s[s.index(after: s.startIndex)..<close]
            guard !label.isEmpty, label.split(separator: " ").count <= 4, label.count <= 30 else { return lead }
            rest = s[s.index(after: close)...]
        } else {
            guard let space = s.firstIndex(where: { $0 == " " || $0 == "-" || $0 == "–" || $0 == "—" }) else { return lead }
            label = s[..<space]
            let known = bareLabels.contains(String(label)) || bareLabels.contains(String(label.split(separator: ".").first ?? ""))
            guard known || label.lowercased().contains(".vn") else { return lead }
            rest = s[space...]
        }
        rest = rest.drop { $0 == " " }
        guard let dash = rest.first, "-–—".contains(dash) else { return lead }
        rest = rest.dropFirst().drop { $0 == " " }
        return rest.isEmpty ? lead : String(rest)
    }

    // MARK: Photo credits

    /// A caption ending with its credit: "… (Ảnh: X)", "… Ảnh: X", "… - Ảnh: X". The caption keeps
    /// its words, the credit is the name after "Ảnh:" (the layout shows it again as "Ảnh: X"). A
    /// credit with another label ("Nguồn: X", "Đồ họa: X") stays in the caption as written.
    public static func captionCredit(_ text: String) -> (caption: String, credit: String)? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        let bracketed = s.hasSuffix(")")
        if bracketed { s = s.dropLast() }
        guard let label = s.range(of: "Ảnh:", options: [.backwards, .caseInsensitive]) else { return nil }
        var credit = s[label.upperBound...].trimmingCharacters(in: .whitespaces)
        if credit.hasSuffix("."), !credit.hasSuffix("..") { credit.removeLast() }
        let words = credit.split(separator: " ").count
        guard words >= 1, words <= 8, !credit.contains("("), !credit.contains(")") else { return nil }
        var caption = s[..<label.lowerBound]
        if bracketed {
            guard caption.hasSuffix("(") else { return nil }
            caption = caption.dropLast()
        } else if let last = caption.last, !" .,;-–".contains(last) {
            return nil  // "Ảnh:" inside a word run, not a label
        }
        var captionText = caption.trimmingCharacters(in: .whitespaces)
        for separator in [" -", " –", ","] where captionText.hasSuffix(separator) {
            captionText = String(captionText.dropLast(separator.count)).trimmingCharacters(in: .whitespaces)
        }
        return (captionText, credit)
    }

    // MARK: The closing byline

    /// The author line that closes the article (the bold or right-aligned name at its end) is its
    /// byline: a last paragraph that is a name, or the metadata's author when the page printed it
    /// outside the article's text. The metadata takes the byline when it had none.
    static func markClosingByline(_ article: inout Article) {
        guard !article.blocks.contains(where: { $0.kind == .byline }) else {
            if article.metadata.byline == nil { article.metadata.byline = article.blocks.last { $0.kind == .byline }?.text }
            return
        }
        if let last = article.blocks.indices.last, article.blocks[last].kind == .paragraph,
           isName(article.blocks[last].text) || article.blocks[last].text == article.metadata.byline {
            article.blocks[last].kind = .byline
            if article.metadata.byline == nil { article.metadata.byline = article.blocks[last].text }
        } else if let byline = article.metadata.byline, !byline.isEmpty, article.blocks.count > 1 {
            article.blocks.append(Block(.byline, byline))
        }
    }

    /// A person's name as an author line prints it: two to five words, each starting with a capital
    /// letter ("Hữu Nghị", "Vũ Hoàng Phong") or all in capitals ("ĐĂNG HUỲNH"), no sentence mark.
    static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...5).contains(words.count), !text.contains(where: { ".:;,!?\"“”".contains($0) }) else { return false }
        return words.allSatisfy { word in word.first.map { $0.isUppercase } == true && word.allSatisfy(\.isLetter) }
    }
}
