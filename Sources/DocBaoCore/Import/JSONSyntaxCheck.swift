/// Finds the first syntax error in JSON text and where it is, so that error messages can name a line
/// and column (Foundation's parser reports no position for truncated input).
struct JSONSyntaxCheck {
    /// A syntax error: what was wrong and the byte offset where it was noticed.
    struct Failure: Error, Equatable {
        var reason: String
        var offset: Int
    }

    private let bytes: [UInt8]
    private var i = 0
    private static let maxDepth = 512

    /// Checks `bytes` (UTF-8 JSON) and returns the first syntax error, or nil if the text is well formed.
    /// - Complexity: O(n).
    static func firstError(in bytes: [UInt8]) -> Failure? {
        var check = JSONSyntaxCheck(bytes: bytes)
        do {
            try check.value(depth: 0)
            check.skipSpace()
            if check.i < bytes.count { return Failure(reason: "unexpected text after the JSON value", offset: check.i) }
            return nil
        } catch {
            return error
        }
    }

    /// Line and column (both from 1; the column counts characters) of a byte offset in `bytes`.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let end = min(offset, bytes.count)
        let lineStart = bytes[..<end].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[..<end].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return (line, column)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private func fail(_ reason: String) -> Failure {
        Failure(reason: i < bytes.count ? reason : "unexpected end of input", offset: i)
    }

    private mutating func value(depth: Int) throws(Failure) {
        guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
        skipSpace()
        guard i < bytes.count else { throw fail("expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), keyed: true, depth: depth)
        case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), keyed: false, depth: depth)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default:
            for word in ["true", "false", "null"] where bytes[i...].starts(with: word.utf8) {
                i += word.utf8.count
                return
            }
            throw fail("unexpected character \(describe(bytes[i]))")
        }
    }

    private mutating func container(close: UInt8, keyed: Bool, depth: Int) throws(Failure) {
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == close { i += 1; return }
        while true {
            if keyed {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
                i += 1
            }
            try value(depth: depth + 1)
            skipSpace()
            guard i < bytes.count else { throw fail("") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == close { i += 1; return }
            throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))'")
        }
    }

    private mutating func string() throws(Failure) {
        i += 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""): i += 1; return
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { throw fail("") }
                if bytes[i] == UInt8(ascii: "u") {
                    let hex = bytes[(i + 1)...].prefix(4)
                    guard hex.count == 4, hex.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }) else {
                        throw fail("invalid \\u escape")
                    }
                    i += 4
                } else if !"\"\\/bfnrt".utf8.contains(bytes[i]) {
                    throw fail("invalid escape \\\(describe(bytes[i]))")
                }
                i += 1
            case 0x00..<0x20: throw fail("control character in a string")
            default: i += 1
            }
        }
        throw fail("")
    }

    private mutating func number() throws(Failure) {
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw fail("invalid number") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw fail("invalid number (leading zero)") }
        } else {
            skipDigits()
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard skipDigits() > 0 else { throw fail("invalid number") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard skipDigits() > 0 else { throw fail("invalid number") }
        }
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let from = i
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        return i - from
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
