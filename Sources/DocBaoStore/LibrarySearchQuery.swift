import DocBaoCore

/// A library search as typed: phrases in quotes, `OR` between alternatives, as search engines
/// read them. `"ngoai giao" "kinh te"` wants both phrases in an article, `covid OR dịch` either;
/// words outside quotes are one phrase, as before quotes were read (`ngoai giao` finds "ngoại giao",
/// not "giao … ngoại").
struct LibrarySearchQuery: Equatable {
    /// Alternatives (OR), each a list of phrases an article must all hold (AND).
    var alternatives: [[String]]

    /// The query read; nil when no phrase has a letter or a digit (the index holds words only).
    init?(_ query: String) {
        let hasQuote = query.contains { $0 == "\"" || $0 == "“" || $0 == "”" }
        if !hasQuote && !query.split(whereSeparator: \.isWhitespace).contains("OR") {
            // One phrase, exactly as typed: a space at either end asks for a word's start or end.
            guard query.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
            alternatives = [[query]]
            return
        }
        var alternatives: [[String]] = [[]]
        var bare = ""
        func endBare() {
            let words = bare.split(whereSeparator: \.isWhitespace)
            if words.count == 1 && words[0] == "OR" {
                alternatives.append([])
            } else if !words.isEmpty {
                // `a OR b` without quotes: OR stands alone between words.
                var phrase: [Substring] = []
                for word in words {
                    if word == "OR" {
                        if !phrase.isEmpty { alternatives[alternatives.count - 1].append(phrase.joined(separator: " ")) }
                        phrase = []
                        alternatives.append([])
                    } else {
                        phrase.append(word)
                    }
                }
                if !phrase.isEmpty { alternatives[alternatives.count - 1].append(phrase.joined(separator: " ")) }
            }
            bare = ""
        }
        var rest = Substring(query)
        while let quote = rest.firstIndex(where: { $0 == "\"" || $0 == "“" || $0 == "”" }) {
            bare += rest[..<quote]
            endBare()
            let after = rest[rest.index(after: quote)...]
            let close = after.firstIndex(where: { $0 == "\"" || $0 == "”" || $0 == "“" }) ?? after.endIndex
            let phrase = String(after[..<close])
            if phrase.contains(where: { $0.isLetter || $0.isNumber }) { alternatives[alternatives.count - 1].append(phrase) }
            rest = close == after.endIndex ? "" : after[after.index(after: close)...]
        }
        bare += rest
        endBare()
        self.alternatives = alternatives
            .map { $0.filter { $0.contains(where: { $0.isLetter || $0.isNumber }) } }
            .filter { !$0.isEmpty }
        if self.alternatives.isEmpty { return nil }
    }

    /// Every phrase, once, in the order typed.
    var phrases: [String] {
        var seen = Set<String>()
        return alternatives.joined().filter { seen.insert($0).inserted }
    }
}
