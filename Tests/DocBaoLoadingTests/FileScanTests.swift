import DocBaoCore
import Foundation
import Testing
@testable import DocBaoLoading

/// `FileScan`: a file searched in pieces cut at line breaks finds what a scan of all its bytes at
/// once finds, wherever the pieces fall, and the window around a match holds the match's line.
@Suite struct FileScanTests {
    /// Lines of about 100 bytes, NFD, with `word` on line `at`; over three pieces long.
    static func bytes(lines: Int, word: String, at: Int, crlf: Bool = false) -> [UInt8] {
        var text = ""
        for n in 0..<lines {
            text += "Đoạn \(n): công tác ngoại giao kinh tế phục vụ phát triển\(n == at ? " " + word : "") đất nước."
            text += crlf ? "\r\n" : "\n"
        }
        return Array(text.decomposedStringWithCanonicalMapping.utf8)
    }

    static func wholeScan(_ bytes: [UInt8], _ range: Range<Int>, _ matcher: Matcher) -> LineScan.Hit? {
        var first: LineScan.Hit?
        Array(bytes[range]).withUnsafeBytes { raw in _ = LineScan(matcher).scan(raw) { first = $0; return false } }
        return first.map { LineScan.Hit(line: ($0.line.lowerBound + range.lowerBound)..<($0.line.upperBound + range.lowerBound),
                                        match: ($0.match.lowerBound + range.lowerBound)..<($0.match.upperBound + range.lowerBound)) }
    }

    @Test func piecesFindWhatOneScanFinds() throws {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        let lineBytes = Self.bytes(lines: 1, word: "", at: -1).count
        // The word's line on each side of the first piece's end, and far on (small pieces: the
        // same code as the real size, many times over).
        let pieceSize = 4096
        let near = pieceSize / lineBytes
        for (at, crlf) in [(near - 1, false), (near, true), (near + 1, false), (3 * near + 7, true)] {
            let bytes = Self.bytes(lines: 4 * near, word: "Khuỳnhxoắn", at: at, crlf: crlf)
            let path = folder.file("bai-\(at).txt", bytes: bytes)
            for (query, options) in [("khuynhxoan", SearchOptions()), ("Khuỳnhxoắn", SearchOptions(mode: .exact)),
                                     ("phát triển khuỳnhxoắn", SearchOptions(wholeWord: true))] {
                for range in [0..<bytes.count, 100..<(bytes.count - 100)] {
                    let matcher = Matcher(query, options: options)
                    let hit = try #require(FileScan.firstHit(path: path, in: range, LineScan(matcher), pieceSize: pieceSize),
                                           "\(at) \(query)")
                    #expect(hit == Self.wholeScan(bytes, range, matcher))
                    let text = String(decoding: bytes[hit.line], as: UTF8.self).precomposedStringWithCanonicalMapping
                    #expect(text.hasPrefix("Đoạn \(at):"))
                    let window = try #require(FileScan.window(path: path, around: hit, in: range))
                    #expect(window.start <= hit.line.lowerBound && window.start + window.bytes.count >= hit.line.upperBound)
                    #expect(Array(bytes[window.start..<(window.start + window.bytes.count)]) == window.bytes)
                    #expect(window.start >= range.lowerBound && window.start + window.bytes.count <= range.upperBound)
                }
            }
        }
    }

    @Test func nothingFoundAndNoFile() {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        let bytes = Self.bytes(lines: 100, word: "", at: -1)
        let path = folder.file("bai.txt", bytes: bytes)
        #expect(FileScan.firstHit(path: path, in: 0..<bytes.count, LineScan(Matcher("khuynhxoan"))) == nil)
        #expect(FileScan.firstHit(path: folder.folder + "/none", in: 0..<10, LineScan(Matcher("a"))) == nil)
    }

    /// The last match, read from the end back in pieces cut at line breaks, is the last of one scan
    /// of all the bytes, wherever the pieces fall (one word on two lines, the later one found).
    @Test func lastHitIsTheLastOfOneScan() throws {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        let pieceSize = 4096
        let lineBytes = Self.bytes(lines: 1, word: "", at: -1).count
        let near = pieceSize / lineBytes
        for (at, crlf) in [(2, false), (near, true), (3 * near - 1, false), (3 * near + 1, true)] {
            // The word on line 1 too: the last is the one on line `at`.
            var text = ""
            for n in 0..<(4 * near) {
                text += "Đoạn \(n): công tác ngoại giao kinh tế\(n == 1 || n == at ? " Khuỳnhxoắn" : "") đất nước."
                text += crlf ? "\r\n" : "\n"
            }
            let lines = Array(text.decomposedStringWithCanonicalMapping.utf8)
            let path = folder.file("bai-\(at).txt", bytes: lines)
            for range in [0..<lines.count, 50..<(lines.count - 50)] {
                let matcher = Matcher("khuynhxoan")
                var all: [LineScan.Hit] = []
                Array(lines[range]).withUnsafeBytes { raw in _ = LineScan(matcher).scan(raw) { all.append($0); return true } }
                #expect(all.count == 2, "\(at)")
                let last = try #require(all.last)
                let hit = try #require(FileScan.lastHit(path: path, in: range, LineScan(matcher), pieceSize: pieceSize))
                #expect(hit.match == (last.match.lowerBound + range.lowerBound)..<(last.match.upperBound + range.lowerBound), "\(at)")
                #expect(String(decoding: lines[hit.line], as: UTF8.self).precomposedStringWithCanonicalMapping.hasPrefix("Đoạn \(at):"))
            }
        }
        let plain = Self.bytes(lines: 100, word: "", at: -1)
        let path = folder.file("khong.txt", bytes: plain)
        #expect(FileScan.lastHit(path: path, in: 0..<plain.count, LineScan(Matcher("khuynhxoan")), pieceSize: 512) == nil)
    }
}
