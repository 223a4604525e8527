import Foundation
import Glibc
import Testing
@testable import DocBaoCore

/// glibc's wcwidth (not exported by the Glibc module without _XOPEN_SOURCE).
@_silgen_name("wcwidth") private func glibcWcwidth(_ c: Int32) -> Int32

@Suite struct DisplayWidthTests {
    @Test func agreesWithTheVietnameseWidthOracle() throws {
        let rows = try TestData.tsv("vi_widths.tsv")
        #expect(rows.count > 200)
        for row in rows {
            let hex = try #require(row["codepoint"]).dropFirst(2)
            let scalar = try #require(UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init))
            let column = try #require(row["glibc_wcwidth"])
            let expected = try #require(Int(column))
            #expect(DisplayWidth.of(scalar) == max(0, expected), "U+\(hex) \(row["name"] ?? "")")
        }
    }

    @Test func everySpellingOfAVietnameseLetterIsOneCellOneCluster() throws {
        let rows = try TestData.tsv("vi_nfd_widths.tsv")
        #expect(rows.count == 448)
        for row in rows {
            let scalars = try #require(row["cps"]).split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            #expect(text.count == 1, "\(row["letter"] ?? "") \(row["form"] ?? "") is one grapheme")
            #expect(DisplayWidth.of(text) == 1, "\(row["letter"] ?? "") \(row["form"] ?? "")")
        }
    }

    /// Cross-check with the C library the terminal side uses, over Latin, Vietnamese, punctuation,
    /// symbols and a sample of CJK: the scalars a news article carries.
    @Test func agreesWithGlibcWcwidth() throws {
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        var mismatches: [String] = []
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FFF, 0x3000...0x30FF, 0x4E00...0x4E80, 0xAC00...0xAC40, 0xFF00...0xFFEF]
        for range in ranges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                let c = glibcWcwidth(Int32(bitPattern: v))
                guard c >= 0 else { continue }  // unassigned in glibc's table
                if DisplayWidth.of(s) != Int(c) { mismatches.append(String(v, radix: 16)) }
            }
        }
        #expect(mismatches.isEmpty, "differ from glibc: \(mismatches.prefix(40))")
    }
}
