/// Reads start tags and their attributes from the bytes of a page's head, for the charset
/// prescan, before any parser may run (the parser must be told the encoding). Comments are
/// skipped; text is ignored. Not a parser: just enough of the tokenizer to read `<meta>` tags.
struct TagScanner {
    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    let bytes: [UInt8]
    var at = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func nextTag() -> Tag? {
        while at < bytes.count {
            guard bytes[at] == UInt8(ascii: "<") else { at += 1; continue }
            if bytes[at...].starts(with: Array("<!--".utf8)) {
                at += 4
                while at < bytes.count, !bytes[at...].starts(with: Array("-->".utf8)) { at += 1 }
                at += 3
                continue
            }
            at += 1
            guard at < bytes.count, Self.isLetter(bytes[at]) else { continue }
            let name = word { !Self.isSpace($0) && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }
            var attributes: [String: String] = [:]
            while at < bytes.count {
                skip(Self.isSpace)
                guard at < bytes.count else { break }
                if bytes[at] == UInt8(ascii: ">") { at += 1; break }
                if bytes[at] == UInt8(ascii: "/") { at += 1; continue }
                let key = word { !Self.isSpace($0) && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") }
                if key.isEmpty { at += 1; continue }
                skip(Self.isSpace)
                var value = ""
                if at < bytes.count, bytes[at] == UInt8(ascii: "=") {
                    at += 1
                    skip(Self.isSpace)
                    if at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") {
                        let quote = bytes[at]
                        at += 1
                        value = word { $0 != quote }
                        at += 1
                    } else {
                        value = word { !Self.isSpace($0) && $0 != UInt8(ascii: ">") }
                    }
                }
                if attributes[key] == nil { attributes[key] = value }
            }
            return Tag(name: name, attributes: attributes)
        }
        return nil
    }

    private mutating func word(while keep: (UInt8) -> Bool) -> String {
        let start = at
        while at < bytes.count, keep(bytes[at]) { at += 1 }
        return String(decoding: bytes[start..<at], as: UTF8.self).lowercased()
    }

    private mutating func skip(_ test: (UInt8) -> Bool) {
        while at < bytes.count, test(bytes[at]) { at += 1 }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
}
