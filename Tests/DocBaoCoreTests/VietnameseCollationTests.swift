import Foundation
import Testing
@testable import DocBaoCore

@Suite struct VietnameseCollationTests {
    /// Shuffles `ordered` with a fixed seed, sorts it back by collation key, and compares scalars.
    func expectOrder(_ ordered: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        var rng = SeededRandom(seed: 29)
        for _ in 0..<5 {
            let sorted = ordered.shuffled(using: &rng).sorted(by: VietnameseCollation.precedes)
            #expect(sorted == ordered, sourceLocation: sourceLocation)
        }
    }

    @Test func lettersFollowTheVietnameseAlphabet() {
        expectOrder(["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n",
                     "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"])
    }

    @Test func foreignLettersSitWhereLatinPutsThem() {
        expectOrder(["e", "ê", "f", "g", "i", "j", "k", "v", "w", "x", "y", "z"])
    }

    @Test func dWithStrokeComesAfterEveryD() {
        expectOrder(["Dân trí", "Doanh nghiệp", "dự án", "Dương", "Đà Lạt", "Đà Nẵng", "đầu tư", "Đông"])
    }

    @Test func ethTypedForDWithStrokeSortsAsIt() {
        #expect(VietnameseCollation.key("\u{D0}à Nẵng").weights.first == VietnameseCollation.key("Đà Nẵng").weights.first)
        expectOrder(["Dương", "\u{D0}à Lạt", "Đà Nẵng", "Em"])
    }

    @Test func breveAndCircumflexComeAfterThePlainLetter() {
        expectOrder(["an", "an toàn", "anh", "ánh sáng", "ăn", "ăn uống", "âm nhạc", "ấn tượng"])
        expectOrder(["an", "anh", "ăn", "âm"])
        expectOrder(["o", "ong", "ô", "ông", "ơ", "ơn"])
        expectOrder(["u", "uống", "ư", "ước"])
    }

    @Test func tonesAreSecondaryInDictionaryOrder() {
        // No tone, huyền, hỏi, ngã, sắc, nặng.
        expectOrder(["ba", "bà", "bả", "bã", "bá", "bạ"])
        expectOrder(["ma", "mà", "mả", "mã", "má", "mạ"])
        // The letters decide first: any tone of "ba" before "bac".
        expectOrder(["ba", "bạ", "bác", "bạc", "bai"])
        // Tones only break ties between titles with the same letters.
        expectOrder(["ba ba", "bà ba", "ba con"])
    }

    @Test func caseAndNormalisationMakeNoPrimaryDifference() {
        #expect(VietnameseCollation.key("Đà Nẵng").weights.prefix(6) == VietnameseCollation.key("đà nẵng").weights.prefix(6))
        let nfc = "Thứ trưởng Ngoại giao trả lời báo chí"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.unicodeScalars) != Array(nfc.unicodeScalars))
        #expect(VietnameseCollation.key(nfc) == VietnameseCollation.key(nfd))
        #expect(VietnameseCollation.key("hòa bình") == VietnameseCollation.key("hoà bình"), "tone placement is no difference")
        #expect(VietnameseCollation.key("thủy") == VietnameseCollation.key("thuỷ"))
        // Case is the last difference: lowercase first, but after the letters and tones.
        expectOrder(["an", "An", "án", "bà"])
    }

    @Test func nfdTitlesSortLikeNfc() {
        let ordered = ["Dương Văn Minh", "Đà Nẵng mùa mưa", "ăn uống lành mạnh", "Ông già Noel", "Ở nhà"]
            .sorted(by: VietnameseCollation.precedes)
        #expect(ordered == ["ăn uống lành mạnh", "Dương Văn Minh", "Đà Nẵng mùa mưa", "Ông già Noel", "Ở nhà"])
        let nfd = ordered.map { $0.decomposedStringWithCanonicalMapping }
        var rng = SeededRandom(seed: 7)
        let sorted = nfd.shuffled(using: &rng).sorted(by: VietnameseCollation.precedes)
        #expect(sorted.map { Array($0.unicodeScalars) } == nfd.map { Array($0.unicodeScalars) })
    }

    @Test func punctuationOnlySeparatesWordsAndNumbersSortByValue() {
        expectOrder(["“Ăn” hay không", "Ăn sáng"])
        #expect(VietnameseCollation.key("“Đà Nẵng”") == VietnameseCollation.key("Đà Nẵng"))
        expectOrder(["2 bài học", "5 món thịt", "10 điều", "14 thực phẩm", "2021", "an"])
    }

    @Test func prefixesAgreeWithWholeKeys() {
        let titles = ["a", "ă", "An", "an toàn", "anh", "Đà Nẵng", "Dương", "2 bài", "10 bài", "", "中国", "ba", "bà", "bá"]
        for a in titles {
            for b in titles {
                let ka = VietnameseCollation.key(a), kb = VietnameseCollation.key(b)
                if ka.prefix < kb.prefix { #expect(ka < kb, "\(a) < \(b)") }
            }
        }
    }

    @Test func realTitlesSortWithoutSurprises() throws {
        let titles = try TestData.corpusArticles().map { url in
            String(try TestData.text(url).split(separator: "\n", maxSplits: 1).first ?? "")
        }
        #expect(titles.count >= 70)
        let sorted = titles.sorted(by: VietnameseCollation.precedes)
        // Every adjacent pair is in order by its first letter in the alphabet.
        func firstLetter(_ s: String) -> Int? {
            let folded = VietnameseFolding.fold(s).units.first { $0.isWordCharacter }
            guard let u = folded else { return nil }
            let w = VietnameseCollation.weight(u)
            if u.base >= 0x30 && u.base <= 0x39 { return 0 }  // numbers first, by value
            return w >= VietnameseCollation.letterBase ? 1 + Int(w - VietnameseCollation.letterBase) : nil
        }
        let firsts = sorted.compactMap(firstLetter)
        #expect(firsts == firsts.sorted())
    }
}
