import Foundation

/// What makes two articles one in the library (issue 16): the same words in the same order, as a
/// reader sees them. A web page and the text `docbao export --format text` made from it differ in
/// everything else: the export is wrapped at a width, prints a caption's credit ("Ảnh: X") and the
/// source ("Nguồn: X") as lines of text, and ends with the list of the page's links ("Liên kết:",
/// then "[1] address"…), while the page's article keeps credits, sources and links apart. So the
/// identity is the shown text (credits and sources included) without link references ("[3]"), a
/// closing list of links and the labels "Ảnh:" and "Nguồn:" (text read back names a credit either
/// way), reduced to its letters and digits: white space, bullets and the brackets around a credit
/// are how it was laid out, not what it says.
public enum ArticleIdentity {
    /// The identity of `article`.
    public static func of(_ article: Article) -> String { of(shownText(article)) }

    /// Credit labels, left out: "Nguồn: X" read back from text may become a caption credited X.
    static let labels = ["Ảnh:", "Nguồn:"]

    /// The article's words as the layout shows them, in order: a caption's credit after it as
    /// "Ảnh: X", a source as "Nguồn: X" and its address (`BlockLayout`). Once each: text read back
    /// from an export may hold the label and the credit already (a lone "Ảnh: X" line is a caption
    /// whose text says it).
    static func shownText(_ article: Article) -> String {
        var out = ""
        for block in article.blocks {
            if !out.isEmpty { out += "\n" }
            switch block.kind {
            case .caption:
                out += block.text
                if let credit = block.credit, !credit.isEmpty, !block.text.hasSuffix(credit) { out += "\nẢnh: " + credit }
            case .source:
                if !block.text.isEmpty { out += (block.text.hasPrefix("Nguồn") ? "" : "Nguồn: ") + block.text }
                if let url = block.url, !url.isEmpty { out += "\n" + url }
            default:
                out += block.text
            }
        }
        return out
    }

    /// The heading of the list of links a text export ends with.
    static var linksHeading: String { PlainTextDump.linksHeading }

    /// `text` (an article's words, `shownText`) reduced to what identifies it.
    public static func of(_ text: String) -> String {
        let scalars = withoutLinkList(text).unicodeScalars
        var out = String.UnicodeScalarView()
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            if c == "[", let end = referenceEnd(scalars, from: i) {
                i = end
                continue
            }
            if !c.properties.isWhitespace { out.append(c) }
            i = scalars.index(after: i)
        }
        var result = String(out)
        for label in labels { result = result.replacingOccurrences(of: label, with: "", options: .caseInsensitive) }
        var kept = String.UnicodeScalarView()
        for c in result.unicodeScalars {
            let p = c.properties
            if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark { kept.append(c) }
        }
        return String(kept)
    }

    /// The index past "[digits]" starting at `start`, if one does (at most six digits).
    private static func referenceEnd(_ scalars: Substring.UnicodeScalarView, from start: Substring.UnicodeScalarView.Index) -> Substring.UnicodeScalarView.Index? {
        var i = scalars.index(after: start)
        var digits = 0
        while i < scalars.endIndex, digits <= 6, ("0"..."9").contains(scalars[i]) {
            i = scalars.index(after: i)
            digits += 1
        }
        guard digits > 0, digits <= 6, i < scalars.endIndex, scalars[i] == "]" else { return nil }
        return scalars.index(after: i)
    }

    /// The text without a closing "Liên kết:" list: the heading on a line of its own, then only
    /// "[n] address" entries (an address wrapped onto indented lines continues its entry).
    static func withoutLinkList(_ text: String) -> Substring {
        guard let heading = text.range(of: "\n" + linksHeading, options: .backwards) else { return text[...] }
        let rest = text[heading.upperBound...]
        let lines = rest.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingPrefix(while: { $0 == " " }) }
        guard let first = lines.first, first.hasPrefix("[1]") else { return text[...] }
        // Past the heading's own line, every line is an entry or an address's continuation (no spaces).
        // An entry is "[n]" and an address (re-read text may have joined a wrapped address with a
        // space); anything else must be an address's continuation, one word.
        guard lines.allSatisfy({ line in
            let scalars = Substring(line).unicodeScalars
            guard line.first == "[", let end = referenceEnd(scalars, from: scalars.startIndex) else { return !line.contains(" ") }
            return scalars[end...].contains(":")
        }) else { return text[...] }
        return text[..<heading.lowerBound]
    }
}
