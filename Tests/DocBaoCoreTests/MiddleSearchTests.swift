import Foundation
import Testing
@testable import DocBaoCore

/// A search while a huge article loads: a match in the middle (in neither the head nor the tail of
/// the preview) is shown at once from a scan of the bytes, then lands on its paragraph when the
/// whole arrives. The program's part (`Effect.scanMiddle`) is played here over the bytes in memory.
@Suite struct MiddleSearchTests {
    /// A long article with one rare word in the middle of paragraph `middle`.
    static func text(paragraphs: Int = 20_000, middle: Int = 10_000, word: String = "Khuỳnhxoắn") -> String {
        var lines = ["Bài báo rất dài để thử", ""]
        for n in 0..<paragraphs {
            let extra = n == middle ? " \(word) ở giữa." : ""
            lines.append("Đoạn \(n): công tác ngoại giao kinh tế phục vụ phát triển đất nước\(extra) trong tình hình mới.")
            lines.append("")
        }
        lines.append("Hết bài.")
        return lines.joined(separator: "\n")
    }

    struct Opened {
        var state: ReaderState
        var whole: Article
        var bytes: [UInt8]
        var scans = 0
    }

    static func open(_ text: String) throws -> Opened {
        let bytes = Array(text.utf8)
        let preview = try #require(PlainTextImporter.preview(head: Array(bytes.prefix(PlainTextImporter.previewSpan)),
                                                              tail: Array(bytes.suffix(PlainTextImporter.previewSpan))))
        var state = ReaderState(article: preview.article, size: Size(width: 100, height: 30))
        state.loading = true
        state.tailStart = preview.tailStart
        state.middle = preview.headCount..<(bytes.count - preview.tailCount)
        // The whole as the program imports it: its blocks kept in the file, so they know their place in it.
        let whole = bytes.withUnsafeBytes {
            PlainTextImporter.importArticle(source: BufferSource(bytes: $0, pieceSize: 1 << 20, textFile: BytesTextFile(bytes)),
                                            chunkSize: 1 << 20).article
        }
        return Opened(state: state, whole: whole, bytes: bytes)
    }

    /// What the program does with `.scanMiddle`, over bytes in memory: the first hit (the last,
    /// backward) and 4 KB after its line, from the line's start.
    static func perform(_ effects: [Effect], _ opened: inout Opened) {
        for case .scanMiddle(let scan) in effects {
            opened.scans += 1
            var hits: [LineScan.Hit] = []
            let bytes = Array(opened.bytes[scan.range])
            bytes.withUnsafeBytes { raw in _ = LineScan(Matcher(scan.query, options: scan.options)).scan(raw) { hits.append($0); return true } }
            guard let hit = scan.direction == .forward ? hits.first : hits.last else { continue }
            let start = scan.range.lowerBound + hit.line.lowerBound
            let end = min(scan.range.upperBound, start + 4096)
            let window = Array(opened.bytes[start..<end])
            let cut = (window.lastIndex(of: 0x0A) ?? window.count - 1) + 1
            perform(Reader.reduce(&opened.state, .middleFound(MiddleHit(scan: scan, line: start, window: Array(window[..<cut])))), &opened)
        }
    }

    static func type(_ keys: [Key], _ opened: inout Opened) {
        for key in keys {
            if let message = Reader.message(for: .key(key), in: opened.state) {
                perform(Reader.reduce(&opened.state, message), &opened)
            }
            perform(Reader.settle(&opened.state), &opened)
        }
    }

    static func currentLine(_ s: ReaderState) -> String? {
        guard let search = s.search, let c = search.current else { return nil }
        return s.article.blocks[search.matches[c].block].text
    }

    @Test func aWordInTheMiddleIsShownBeforeTheWholeArrivesThenLandsOnItsParagraph() throws {
        var o = try Self.open(Self.text())
        Self.type([.char("/")] + "khuynhxoan".map { Key.char($0) }, &o)
        #expect(o.state.loading)
        #expect(Self.currentLine(o.state)?.hasPrefix("Đoạn 10000:") == true)
        #expect(Fixtures.paneLines(o.state).contains { $0.contains("Khuỳnhxoắn") }, "the match is on screen")
        Self.type([.enter], &o)
        #expect(Self.currentLine(o.state)?.hasPrefix("Đoạn 10000:") == true)
        _ = Reader.reduce(&o.state, .articleLoaded(o.whole))
        #expect(!o.state.loading)
        #expect(Self.currentLine(o.state)?.hasPrefix("Đoạn 10000:") == true)
        #expect(Fixtures.paneLines(o.state).contains { $0.contains("Khuỳnhxoắn") }, "still on screen in the whole")
    }

    @Test func exactModeAndNFDFindTheSameParagraph() throws {
        let nfd = Self.text().decomposedStringWithCanonicalMapping
        var o = try Self.open(nfd)
        Self.type([.char("/"), .tab] + "Khuỳnhxoắn".map { Key.char($0) } + [.enter], &o)
        #expect(o.state.search?.options.mode == .exact)
        #expect(Self.currentLine(o.state).map { $0.precomposedStringWithCanonicalMapping.hasPrefix("Đoạn 10000:") } == true)
        var other = try Self.open(nfd)
        Self.type([.char("/"), .tab] + "khuỳnhxoắn".map { Key.char($0) } + [.enter], &other)
        #expect(other.state.search?.current == nil, "exact mode: the lowercase k is not in the text")
    }

    /// A word in the head is found there: the file is not scanned.
    @Test func aMatchInTheHeadNeedsNoScan() throws {
        var o = try Self.open(Self.text())
        Self.type([.char("/")] + "Đoạn 3:".map { Key.char($0) } + [.enter], &o)
        #expect(o.scans == 0)
        #expect(Self.currentLine(o.state)?.hasPrefix("Đoạn 3:") == true)
    }

    /// An answer to a query the reader has since changed is dropped: the prompt's own search shows.
    @Test func aStaleAnswerIsDropped() throws {
        var o = try Self.open(Self.text())
        Self.type([.char("/")] + "khuynhxoan".map { Key.char($0) }, &o)
        let window = try #require(o.state.window)
        Self.type([.char("x")], &o)
        let hit = MiddleHit(scan: MiddleScan(query: "khuynhxoan", options: SearchOptions(), range: o.state.middle!,
                                             origin: SourcePosition(block: 0, offset: 0)),
                            line: window.line, window: Array("khác\n".utf8))
        let before = o.state.article.blocks.count
        _ = Reader.reduce(&o.state, .middleFound(hit))
        #expect(o.state.article.blocks.count == before)
    }

    /// Esc after a window was shown goes back to where the prompt opened.
    @Test func escGoesBackToTheHead() throws {
        var o = try Self.open(Self.text())
        let shown = Fixtures.paneLines(o.state)
        Self.type([.char("/")] + "khuynhxoan".map { Key.char($0) } + [.escape], &o)
        #expect(Fixtures.paneLines(o.state) == shown)
    }

    /// A text with the word in paragraphs 5,000 and 15,000 and near the end (in the tail).
    static func twice(tail: Bool = false) -> String {
        var text = Self.text(middle: 5_000)
        let paragraph = "Đoạn 15000: công tác"
        text = text.replacingOccurrences(of: paragraph, with: paragraph + " Khuỳnhxoắn")
        if tail { text = text.replacingOccurrences(of: "Hết bài.", with: "Khuỳnhxoắn hết bài.") }
        return text
    }

    /// `?` from the end (the tail) finds the middle's last match while loading, and lands there.
    @Test func backwardFromTheEndFindsTheMiddlesLastMatch() throws {
        var o = try Self.open(Self.twice())
        Self.type([.char("G"), .char("?")] + "khuynhxoan".map { Key.char($0) } + [.enter], &o)
        #expect(o.state.loading)
        #expect(o.scans > 0)
        #expect(Self.currentLine(o.state)?.hasPrefix("Đoạn 15000:") == true)
        #expect(Fixtures.paneLines(o.state).contains { $0.contains("Khuỳnhxoắn") }, "the match is on screen")
        _ = Reader.reduce(&o.state, .articleLoaded(o.whole))
        #expect(Self.currentLine(o.state)?.hasPrefix("Đoạn 15000:") == true)
        Self.type([.char("n")], &o)
        #expect(Self.currentLine(o.state)?.hasPrefix("Đoạn 5000:") == true, "n goes on backward")
    }

    /// `?` from the top wraps: the tail's match comes before the middle's, so no scan; without one
    /// in the tail, the middle's last.
    @Test func backwardFromTheTopWrapsToTheTailThenTheMiddle() throws {
        var o = try Self.open(Self.twice(tail: true))
        Self.type([.char("?")] + "khuynhxoan".map { Key.char($0) } + [.enter], &o)
        #expect(o.scans == 0)
        #expect(Self.currentLine(o.state)?.hasPrefix("Khuỳnhxoắn hết bài") == true)
        var other = try Self.open(Self.twice())
        Self.type([.char("?")] + "khuynhxoan".map { Key.char($0) } + [.enter], &other)
        #expect(Self.currentLine(other.state)?.hasPrefix("Đoạn 15000:") == true)
    }

    /// `/` from the end wraps to the head, then the middle's first match.
    @Test func forwardFromTheEndWrapsToTheMiddle() throws {
        var o = try Self.open(Self.twice())
        Self.type([.char("G"), .char("/")] + "khuynhxoan".map { Key.char($0) } + [.enter], &o)
        #expect(Self.currentLine(o.state)?.hasPrefix("Đoạn 5000:") == true)
    }

    /// `docbao --search WORD`: the search started with the article asks for the middle's scan, whose
    /// match replaces the tail's (found first in the preview) or answers the search waiting for the whole.
    @Test func aSearchAtStartScansTheMiddle() throws {
        for tail in [false, true] {
            var o = try Self.open(Self.twice(tail: tail))
            let effects = Reader.startSearch(&o.state, query: "khuynhxoan", options: SearchOptions())
            #expect(effects.count == 1)
            Self.perform(effects, &o)
            #expect(Self.currentLine(o.state)?.hasPrefix("Đoạn 5000:") == true, "tail: \(tail)")
            #expect(Fixtures.paneLines(o.state).contains { $0.contains("Khuỳnhxoắn") })
        }
    }
}
