import Foundation

extension PlainTextImporter {
    /// `line` with the remnants of the HTML entity for a no-break space a scraper left in the text
    /// ("mặc&nbspbộ", "10&nbsp;km") read as the no-break space they stood for. Only where it is
    /// clearly a remnant: "&nbsp;" with its semicolon, or "&nbsp" glued to the text on either side.
    /// "&nbsp" standing alone between spaces may be a word about HTML, and stays as written.
    static func decodingEntityRemnants(_ line: String) -> String {
        // Cheap test first (memchr, as every line of a huge article passes here): most lines have no "&".
        var bytes = line
        let hasAmpersand = bytes.withUTF8 { buffer in
            buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "&")), buffer.count) != nil } ?? false
        }
        guard hasAmpersand else { return line }
        let name = "&nbsp"
        var out = ""
        var rest = Substring(line)
        while let range = rest.range(of: name) {
            let before = range.lowerBound > rest.startIndex ? rest[rest.index(before: range.lowerBound)] : (out.last ?? " ")
            let after = range.upperBound < rest.endIndex ? rest[range.upperBound] : " "
            out += rest[..<range.lowerBound]
            if after == ";" {
                out += "\u{00A0}"
                rest = rest[rest.index(after: range.upperBound)...]
            } else if before != " " || after != " " {
                out += "\u{00A0}"
                rest = rest[range.upperBound...]
            } else {
                out += name
                rest = rest[range.upperBound...]
            }
        }
        return out + rest
    }
}
