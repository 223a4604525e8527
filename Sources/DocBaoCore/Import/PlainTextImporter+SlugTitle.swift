import Foundation

/// Rule 4's headline from the address: dantri files have no headline line, but their `# url`
/// ends in the headline without accents (`…/campuchia-ghi-nhan-ky-luc-ca-nhiem-moi-2021….htm`).
/// The title is that slug spelled again with the article's own words: a run of the article's
/// words whose folded form (no marks, "đ" as "d", lowercase, letters and digits only) is the
/// next part of the slug, the longest run first; a word matched alone, whose marks its neighbours
/// do not confirm ("moi": mới, mỗi, môi), is spelled as the article spells it most often. A slug word the article never writes stays as
/// the address writes it. So no word is invented, none is cut, and a caption is never the title.
extension PlainTextImporter {
    /// The words of the headline in `url`'s last path component, folded, or nil when the address
    /// does not end in one (fewer than three words or more than 40, or no address).
    static func slugWords(_ url: String?) -> [String]? {
        guard let url, let last = url.split(separator: "/").last else { return nil }
        var name = Substring(last)
        if let query = name.firstIndex(where: { $0 == "?" || $0 == "#" }) { name = name[..<query] }
        if let dot = name.lastIndex(of: "."), name[dot...].count <= 5 { name = name[..<dot] }
        var words = name.split(separator: "-").map(String.init)
        // The article's number at the end ("…-20210424155800567").
        if let id = words.last, id.count >= 6, id.allSatisfy(\.isASCII), id.allSatisfy(\.isNumber) { words.removeLast() }
        // A headline has a few dozen words at most; a longer "slug" (a hostile header) is not one, and
        // spelling it would cost its length times the article's.
        guard (3...40).contains(words.count),
              words.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.lowercaseLetters.contains($0) || ("0"..."9").contains($0)) } })
        else { return nil }
        return words
    }

    /// `text` folded the way a slug is written: marks dropped, "đ" as "d", lowercase, only a–z and 0–9.
    static func slugFold(_ text: some StringProtocol) -> String {
        var out = ""
        for scalar in String(text).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar == "đ" { out.append("d") } else if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when `line` is the slug's headline itself (the file has a headline line after all).
    static func isSlugHeadline(_ line: String, slug: [String]) -> Bool {
        LineShape.hasAtMostWords(line, 40) && slugFold(line) == slug.joined()
    }

    /// Punctuation trimmed from the ends of a word of the title.
    private static let wordEdges: Set<Character> = ["\"", "“", "”", "'", "‘", "’", "(", ")", "[", "]", ",", ".", ":", ";", "!", "?", "…", "«", "»"]

    /// The headline of `slug` spelled with the words of `paragraphs` (at most `wordLimit` words read).
    static func slugTitle(_ slug: [String], paragraphs: some Sequence<String>, wordLimit: Int = 20_000) -> String {
        // The article's words, with their folded form and whether each starts a sentence.
        var words: [(text: Substring, key: String, startsSentence: Bool)] = []
        outer: for paragraph in paragraphs {
            var sentenceStart = true
            for word in paragraph.split(separator: " ") {
                var text = word[...]
                while let c = text.first, wordEdges.contains(c) { text = text.dropFirst() }
                while let c = text.last, wordEdges.contains(c) { text = text.dropLast() }
                let key = slugFold(text)
                if !key.isEmpty { words.append((text, key, sentenceStart)) }
                if let c = word.last { sentenceStart = ".!?:…".contains(c) || (key.isEmpty && sentenceStart) }
                if words.count >= wordLimit { break outer }
            }
        }
        /// How many slug words `key` spells from slug word `at` (a word may spell several: "iPhone" is "i-phone").
        func spelled(_ key: String, at: Int) -> Int? {
            var joined = ""
            for n in 1...4 where at + n <= slug.count {
                joined += slug[at + n - 1]
                if joined == key { return n }
                if joined.count >= key.count { return nil }
            }
            return nil
        }
        var title: [String] = []
        var at = 0
        while at < slug.count {
            // The longest run of consecutive words that spells the slug from `at`.
            var best: (start: Int, count: Int, covered: Int)?
            for start in words.indices {
                var next = at, j = start
                while j < words.count, next < slug.count, let n = spelled(words[j].key, at: next) { next += n; j += 1 }
                if j > start, next - at > (best?.covered ?? 0) { best = (start, j - start, next - at) }
                if best?.covered == slug.count - at { break }
            }
            guard let run = best else {
                title.append(slug[at])
                at += 1
                continue
            }
            if run.count == 1 {
                title.append(casing(commonestSpelling(of: run.start, in: words), of: words))
            } else {
                for j in run.start..<(run.start + run.count) { title.append(casing(j, of: words)) }
            }
            at += run.covered
        }
        guard var first = title.first else { return "" }
        first = first.prefix(1).uppercased() + first.dropFirst()
        title[0] = first
        return title.joined(separator: " ")
    }

    /// The first word of the spelling of word `i`'s folded form that the article uses most often,
    /// ignoring case; a word inside a sentence before one that starts it.
    private static func commonestSpelling(of i: Int, in words: [(text: Substring, key: String, startsSentence: Bool)]) -> Int {
        var spellings: [(lowered: String, count: Int, first: Int)] = []
        for j in words.indices where words[j].key == words[i].key {
            let lowered = words[j].text.lowercased()
            if let k = spellings.firstIndex(where: { $0.lowered == lowered }) {
                spellings[k].count += 1
                if words[spellings[k].first].startsSentence && !words[j].startsSentence { spellings[k].first = j }
            } else {
                spellings.append((lowered, 1, j))
            }
        }
        return spellings.max { $0.count < $1.count }?.first ?? i
    }

    /// Word `i` as it is written inside a sentence: one capitalised only because it starts a sentence
    /// takes the case it has elsewhere in the article, or lowercase if it never stands elsewhere and
    /// the word after it is not capitalised too (a name: "Ấn Độ").
    private static func casing(_ i: Int, of words: [(text: Substring, key: String, startsSentence: Bool)]) -> String {
        let text = String(words[i].text)
        guard words[i].startsSentence, text.first?.isUppercase == true, text.dropFirst().allSatisfy({ !$0.isUppercase }) else { return text }
        if i + 1 < words.count, !words[i + 1].startsSentence, words[i + 1].text.first?.isUppercase == true { return text }
        let lowered = text.lowercased()
        if let inside = words.first(where: { !$0.startsSentence && $0.text.lowercased() == lowered }) { return String(inside.text) }
        return lowered
    }
}
