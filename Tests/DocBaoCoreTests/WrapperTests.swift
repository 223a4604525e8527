import Foundation
import Testing
@testable import DocBaoCore

@Suite struct WrapperTests {
    func texts(_ text: String, _ lines: [Wrapper.Line]) -> [String] {
        let u = Array(text.utf8)
        return lines.map { String(decoding: u[$0.start..<$0.visibleEnd], as: UTF8.self) }
    }

    @Test func breaksAtSpacesOnly() {
        let text = "Thứ hai là công tác ngoại giao kinh tế phục vụ phát triển."
        let lines = Wrapper.wrap(text, width: 20)
        #expect(texts(text, lines) == ["Thứ hai là công tác", "ngoại giao kinh tế", "phục vụ phát triển."])
        #expect(lines.map(\.width) == [19, 18, 19])
    }

    @Test func nfdTextWrapsLikeNfc() {
        let nfc = "Hội nghị ngoại giao lần thứ 29 đề ra Chương trình hành động cụ thể"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > nfc.unicodeScalars.count)
        for width in [5, 10, 17, 30] {
            #expect(texts(nfd, Wrapper.wrap(nfd, width: width)).map { Array($0.precomposedStringWithCanonicalMapping.unicodeScalars) }
                    == texts(nfc, Wrapper.wrap(nfc, width: width)).map { Array($0.unicodeScalars) })
            #expect(Wrapper.wrap(nfd, width: width).map(\.width) == Wrapper.wrap(nfc, width: width).map(\.width))
        }
    }

    @Test func aWordLongerThanTheLineIsBrokenBetweenLetters() {
        let text = "ab nghiêngnghiêngnghiêng cd"
        let lines = Wrapper.wrap(text.decomposedStringWithCanonicalMapping, width: 6)
        let shown = texts(text.decomposedStringWithCanonicalMapping, lines).map { $0.precomposedStringWithCanonicalMapping }
        #expect(shown == ["ab", "nghiên", "gnghiê", "ngnghi", "êng cd"])
    }

    @Test func hardNewlinesBreak() {
        #expect(texts("một\nhai ba", Wrapper.wrap("một\nhai ba", width: 40)) == ["một", "hai ba"])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(Wrapper.wrap("", width: 10) == [Wrapper.Line(start: 0, end: 0, visibleEnd: 0, width: 0)])
    }

    /// The wrapping properties of `text` at `width`: no line is wider than the width (unless a single
    /// cluster is), the lines tile the text so that putting them back together restores it, a line
    /// hides only the spaces or newline it breaks at, and every line starts and ends between grapheme
    /// clusters, so no cluster is ever split.
    func expectWrapProperties(_ text: String, width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = Wrapper.wrap(text, width: width)
        let utf8 = Array(text.utf8)
        var boundaries: Set<Int> = [utf8.count]
        var i = text.startIndex
        while i < text.endIndex { boundaries.insert(text.utf8.distance(from: text.startIndex, to: i)); i = text.index(after: i) }
        #expect(lines.first?.start == 0, sourceLocation: sourceLocation)
        #expect(lines.last?.end == utf8.count, sourceLocation: sourceLocation)
        for (n, line) in lines.enumerated() {
            if n > 0 { #expect(line.start == lines[n - 1].end, "lines tile the text", sourceLocation: sourceLocation) }
            #expect(boundaries.contains(line.start) && boundaries.contains(line.visibleEnd) && boundaries.contains(line.end),
                    "line \(n) at width \(width) splits a grapheme cluster", sourceLocation: sourceLocation)
            let shown = String(decoding: utf8[line.start..<line.visibleEnd], as: UTF8.self)
            #expect(DisplayWidth.of(shown) == line.width, sourceLocation: sourceLocation)
            #expect(line.width <= width || shown.count == 1, "'\(shown)' fits \(width)", sourceLocation: sourceLocation)
            let hidden = String(decoding: utf8[line.visibleEnd..<line.end], as: UTF8.self)
            #expect(hidden.allSatisfy { Wrapper.isBreakingSpace($0) || $0 == "\n" || $0 == "\r\n" }, "line \(n) hides '\(hidden)'",
                    sourceLocation: sourceLocation)
        }
        let joined = lines.map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) }.joined()
        #expect(joined == text, "the lines put back together are the text", sourceLocation: sourceLocation)
    }

    /// The properties over random Vietnamese text (NFC and NFD, long words, runs of spaces) at random widths.
    @Test func propertiesHoldForRandomTextAndWidths() throws {
        let words = ["ngoại", "giao", "đấu", "tranh", "Việt", "Nam", "hòa", "hoà", "khoẻ", "người", "đường",
                     "nghiêngnghiêngnghiêngnghiêng", "29", "(Ảnh:", "VGP/Hải", "Minh)", "…", "—", "中国", "ｘ",
                     // marks after letters the wrapper reads from bytes (ASCII, "ư", "ệ"), emoji sequences
                     "a\u{0301}\u{0323}b", "ư\u{0300}", "\u{1EC7}\u{0301}x", "🇻🇳", "👍🏽", "👩\u{200D}💻", "x\u{20DD}y"]
        var rng = SeededRandom(seed: 29)
        for round in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                var w = words.randomElement(using: &rng)!
                if Bool.random(using: &rng) { w = w.decomposedStringWithCanonicalMapping }
                text += w + String(repeating: " ", count: Int.random(in: 1...3, using: &rng))
            }
            if round % 7 == 0 { text = "  " + text }
            expectWrapProperties(text, width: Int.random(in: 1...60, using: &rng))
        }
    }

    /// The properties over every article of the test data as read from disk (six dantri files are NFD),
    /// newlines included, at fixed widths for the seed and a random width for each of the others.
    @Test func propertiesHoldForTheCorpusAtRandomWidths() throws {
        var rng = SeededRandom(seed: 5)
        for url in [TestData.seed] + (try TestData.corpusArticles()) {
            let widths = url == TestData.seed ? [1, 2, 7, 33, 80] : [Int.random(in: 1...120, using: &rng)]
            let text = try TestData.text(url)
            for width in widths { expectWrapProperties(text, width: width) }
        }
    }
}
