import DocBaoCore
import DocBaoLoading
@testable import DocBaoStore
import Foundation
import TestCorpus
import Testing

/// `WordTally` counts what a `Set` of each article's words (`LibraryWords.words(ofFolded:)`) and a
/// dictionary count: every word, in as many articles; and a batch of `docbao add` writes the same
/// words table as articles added one by one.
@Suite struct WordTallyTests {
    static func counted(_ folded: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for text in folded { for word in LibraryWords.words(ofFolded: text) { counts[word, default: 0] += 1 } }
        return counts
    }

    @Test func countsAsSetsOfWordsDoOnTheCorpus() throws {
        let texts = try ArticleFiles.find(in: [Corpus.testdata, Corpus.seed]).files.map {
            VietnameseFolding.baseText(String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self))
        }
        #expect(texts.count > 20)
        var tally = WordTally()
        for text in texts { tally.add(folded: text) }
        let expected = Self.counted(texts)
        #expect(tally.count == expected.count)
        #expect(tally.dictionary == expected)
    }

    /// Many distinct words (the table grows many times over), words of other scripts and digits,
    /// repeats inside one text counted once, empty texts.
    @Test func manyWordsAndRepeats() {
        var random = SplitMix(state: 41)
        let letters = Array("abcdeghiklmnopqrstuvxyđжω0123456789")
        var texts: [String] = ["", " ,. "]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(random.next() % 400) {
                let length = 1 + Int(random.next() % 7)
                text += String((0..<length).map { _ in letters[Int(random.next() % UInt64(letters.count))] })
                text += random.next() % 5 == 0 ? ", " : " "
            }
            texts.append(VietnameseFolding.baseText(text))
        }
        var tally = WordTally()
        for text in texts { tally.add(folded: text) }
        let expected = Self.counted(texts)
        #expect(expected.count > 20_000)
        #expect(tally.dictionary == expected)
    }
}
