import Foundation
import Testing
@testable import DocBaoCore

/// A block is a small value: its rare credit and address are kept out of line, and still behave
/// as stored properties (set, compared, encoded).
@Suite struct BlockTests {
    @Test func aBlockIsThirtyTwoBytes() {
        #expect(MemoryLayout<Block>.stride <= 32)
    }

    @Test func creditAndAddressBehaveAsValues() throws {
        var a = Block(.caption, "Ảnh", credit: "AFP")
        let b = a
        a.credit = "Reuters"
        #expect(b.credit == "AFP" && a.credit == "Reuters")
        a.url = "https://x.vn"
        #expect(a.credit == "Reuters" && a.url == "https://x.vn")
        a.credit = nil
        a.url = nil
        #expect(a == Block(.caption, "Ảnh"))
        #expect(a != b)
        let data = try JSONEncoder().encode([b, Block(.source, "X", url: "https://x.vn")])
        #expect(try JSONDecoder().decode([Block].self, from: data) == [b, Block(.source, "X", url: "https://x.vn")])
        #expect(String(decoding: try JSONEncoder().encode(Block(.paragraph, "p")), as: UTF8.self).contains("credit") == false)
    }
}
