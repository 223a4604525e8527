import DocBaoCore
import Foundation

/// Stops the fuzzer when a property does not hold; libFuzzer reports it as a crash and saves the input.
func require(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError(message(), file: file, line: line) }
}

/// Properties shared by the targets.
enum Check {
    /// Whether two strings hold the same scalars (`==` on strings ignores NFC/NFD differences).
    static func sameScalars<A: StringProtocol, B: StringProtocol>(_ a: A, _ b: B) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    /// Whether `s` is as the model must hold text: cleaning it changes nothing.
    static func isClean(_ s: String) -> Bool { sameScalars(TextSanitizer.clean(s), s) }

    /// UTF-8 offsets where a grapheme cluster of `s` starts, and its end.
    static func graphemeBoundaries(_ s: String) -> Set<Int> {
        var result: Set<Int> = [s.utf8.count]
        var offset = 0
        for c in s {
            result.insert(offset)
            offset += c.utf8.count
        }
        return result
    }

    /// An article as everything downstream trusts it: clean text, sections in order inside the blocks,
    /// the first at block 0.
    static func article(_ a: Article) {
        for (i, block) in a.blocks.enumerated() {
            // A table row's text is its clean cells joined by tabs (which clean text has not).
            let texts = block.kind == .tableRow ? block.cells : [block.text]
            require(texts.allSatisfy(isClean), "block \(i) text is not clean: \(block.text.debugDescription)")
            require(block.credit.map(isClean) ?? true, "block \(i) credit is not clean")
            require(block.url.map(isClean) ?? true, "block \(i) url is not clean")
        }
        if a.blocks.isEmpty { return }
        require(a.sections.first?.block == 0, "the first section is not at block 0: \(a.sections.first.debugDescription)")
        var previous = 0
        for (i, section) in a.sections.enumerated() {
            require(section.block >= previous && section.block < a.blocks.count,
                    "section \(i) at block \(section.block): out of order or past \(a.blocks.count) blocks")
            require(section.level >= 0, "section \(i) has level \(section.level)")
            require(isClean(section.label), "section \(i) label is not clean")
            previous = section.block
        }
        let m = a.metadata
        for value in [m.sourceName, m.url, m.byline, m.date].compactMap({ $0 }) + Array(m.extra.keys) + Array(m.extra.values) {
            require(isClean(value), "metadata is not clean: \(value.debugDescription)")
        }
    }
}
