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

    /// Several threads at once (`parallelHit`) give what one gives: the first (or last) of several
    /// matches spread over many pieces, in ranges that start and end inside lines, with lines that
    /// end with CR LF, and a line longer than a piece (cut at a character's start).
    @Test func threadsFindWhatOneThreadFinds() throws {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        let pieceSize = 1024
        var text = ""
        for n in 0..<400 {
            let word = [37, 38, 150, 151, 399].contains(n) ? " Khuỳnhxoắn" : ""
            let long = n == 200 ? String(repeating: "ngoại giao ", count: 400) + "khuỳnhxoắn " : ""
            text += "Đoạn \(n): công tác\(word) \(long)đất nước." + (n % 3 == 0 ? "\r\n" : "\n")
        }
        for form in [text.precomposedStringWithCanonicalMapping, text.decomposedStringWithCanonicalMapping] {
            let bytes = Array(form.utf8)
            let path = folder.file("bai.txt", bytes: bytes)
            let ranges = [0..<bytes.count, 57..<(bytes.count - 31), (bytes.count / 3)..<bytes.count, 0..<(bytes.count / 2 + 5)]
            for range in ranges {
                for query in ["khuynhxoan", "Đoạn 150", "đất nước. Đoạn", "zzz"] {
                    let scan = LineScan(Matcher(query))
                    // The same match; its line, the same but in the line longer than a piece, which
                    // either way is cut (where differs), so there only a part of the line that holds it.
                    func same(_ a: LineScan.Hit?, _ b: LineScan.Hit?) -> Bool {
                        guard let a, let b else { return a == nil && b == nil }
                        return a.match == b.match && (a.line == b.line || (a.line.count > pieceSize || b.line.count > pieceSize)
                            && a.line.contains(a.match.lowerBound) && a.line.upperBound == b.line.upperBound)
                    }
                    let first = FileScan.firstHit(path: path, in: range, scan, pieceSize: pieceSize)
                    let last = FileScan.lastHit(path: path, in: range, scan, pieceSize: pieceSize)
                    if query == "khuynhxoan" { #expect(same(first, Self.wholeScan(bytes, range, Matcher(query)))) }
                    for workers in [2, 3, 7] {
                        #expect(same(FileScan.firstHit(path: path, in: range, scan, pieceSize: pieceSize, workers: workers), first),
                                "\(query) \(range) \(workers)")
                        #expect(same(FileScan.lastHit(path: path, in: range, scan, pieceSize: pieceSize, workers: workers), last),
                                "\(query) \(range) \(workers)")
                    }
                }
            }
        }
        #expect(FileScan.firstHit(path: folder.folder + "/none", in: 0..<5000, LineScan(Matcher("a")), pieceSize: pieceSize, workers: 2) == nil)
        // A scan no longer wanted stops.
        let bytes = Self.bytes(lines: 400, word: "Khuỳnhxoắn", at: 399)
        let path = folder.file("dung.txt", bytes: bytes)
        #expect(FileScan.firstHit(path: path, in: 0..<bytes.count, LineScan(Matcher("khuynhxoan")), pieceSize: pieceSize, workers: 2,
                                  stop: { true }) == nil)
    }
}
