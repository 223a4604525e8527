import DocBaoCore
import Foundation
import Testing

@testable import DocBaoWeb

/// Pages in each charset docbao reads, as real bytes.
@Suite struct HTMLCharsetTests {
    static let words = "Hà Nội – “Đường phố” ₫ café"

    static func page(_ head: String, body: String = "<p>TEXT</p>") -> String {
        "<!DOCTYPE html><html><head>\(head)<title>t</title></head><body>\(body)</body></html>"
    }

    /// The article's body text (blocks after the title).
    static func text(_ bytes: [UInt8]) -> String {
        HTMLPage.article(bytes).blocks.filter { $0.kind == .paragraph }.map(\.text).joined(separator: "\n")
    }

    @Test func utf8DeclaredAndUndeclared() {
        for head in ["<meta charset=\"utf-8\">", ""] {
            let bytes = Array(Self.page(head).replacing("TEXT", with: Self.words).utf8)
            #expect(Self.text(bytes) == Self.words)
            #expect(HTMLCharset.utf8(bytes).charset == .utf8)
        }
    }

    @Test func utf8WithByteOrderMark() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(Self.page("").replacing("TEXT", with: Self.words).utf8)
        #expect(Self.text(bytes) == Self.words)
    }

    @Test func utf16BothEndiansWithBOM() {
        let page = Self.page("<meta charset=\"utf-16\">").replacing("TEXT", with: Self.words)
        let le: [UInt8] = [0xFF, 0xFE] + page.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + page.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(Self.text(le) == Self.words)
        #expect(Self.text(be) == Self.words)
    }

    /// "Café – “x” €" in windows-1252: 0x96 en dash, 0x93/0x94 quotes, 0x80 euro.
    @Test func windows1252FromMetaCharset() {
        let body: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94, 0x20, 0x80]
        let bytes = Self.bytes(head: "<meta charset=\"windows-1252\">", body: body)
        #expect(Self.text(bytes) == "Café – “x” €")
    }

    @Test func latin1FromHTTPEquiv() {
        let body: [UInt8] = Array("Gar".utf8) + [0xE7, 0x6F, 0x6E, 0x20, 0xBD]
        let bytes = Self.bytes(head: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", body: body)
        #expect(Self.text(bytes) == "Garçon ½")
    }

    /// "Việt Nam đẹp" in windows-1258: ê + combining dot below (0xF2), đ (0xF0), e + dot below.
    static let vietnamese1258: [UInt8] = [0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x4E, 0x61, 0x6D, 0x20, 0xF0, 0x65, 0xF2, 0x70]

    @Test func windows1258DeclaredIsComposed() {
        let bytes = Self.bytes(head: "<meta http-equiv='content-type' content='text/html;charset=windows-1258'>", body: Self.vietnamese1258)
        #expect(Self.text(bytes) == "Việt Nam đẹp")
    }

    /// A page that says nothing and is not UTF-8: read as windows-1258 when tone marks follow
    /// letters, as windows-1252 otherwise.
    @Test func undeclaredLegacyCharsetsAreGuessed() {
        #expect(Self.text(Self.bytes(head: "", body: Self.vietnamese1258)) == "Việt Nam đẹp")
        let french: [UInt8] = Array("D".utf8) + [0xE9, 0x6A, 0xE0, 0x20, 0x76, 0x75]
        #expect(Self.text(Self.bytes(head: "", body: french)) == "Déjà vu")
    }

    @Test func aCharsetInACommentIsNotTheDeclaration() {
        let body: [UInt8] = [0xE9]
        let bytes = Self.bytes(head: "<!-- <meta charset=\"utf-16\"> --><meta charset=\"windows-1252\">", body: body)
        #expect(Self.text(bytes) == "é")
    }

    static func bytes(head: String, body: [UInt8]) -> [UInt8] {
        let parts = page(head).components(separatedBy: "TEXT")
        return Array(parts[0].utf8) + body + Array(parts[1].utf8)
    }
}
