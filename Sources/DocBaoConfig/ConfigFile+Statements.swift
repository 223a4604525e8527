extension ConfigFile {
    /// One TOML statement of the file: a `[section]` header, or `key = value` with every line its
    /// value spans (a multi-line array or string). Each is parsed alone, so a syntax error costs
    /// only the statement it is in.
    struct Statement {
        /// 1-based line the statement starts on.
        let line: Int
        let lines: ArraySlice<Substring>
        let isHeader: Bool

        var text: String { lines.joined(separator: "\n") }

        /// For a header whose name does not start with a key character or a quote (`[!]`, `[é]`),
        /// the 1-based column there: toml++ would stop on an assertion instead of an error.
        var badHeaderColumn: Int? {
            // By scalars: "[" and a combining mark after it are one Character.
            guard isHeader, let line = lines.first?.unicodeScalars else { return nil }
            let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
            var rest = line.drop(while: blank).dropFirst()  // the "["
            if rest.first == "[" { rest = rest.dropFirst() }
            rest = rest.drop(while: blank)
            guard let c = rest.first else { return line.count + 1 }
            if (c.isASCII && isBareKeyCharacter(Character(c))) || c == "\"" || c == "'" || c == "]" { return nil }
            return line.distance(from: line.startIndex, to: rest.startIndex) + 1
        }
    }

    /// How many times an unclosed multi-line string may be cut back to its first line; past that,
    /// one swallows the rest of the file (only a file made to be slow gets there).
    static let unclosedStringRetries = 100

    /// Splits `text` into statements, in one pass: a statement ends at the end of a line where no
    /// string, array or inline table is left open. An array left open ends before the next line that
    /// can only start a statement (`key =` or `[section]`); a multi-line string left open to the end
    /// of the file is cut back to its first line, and the lines after it are read again.
    static func statements(of text: String) -> [Statement] {
        // Split on scalars: "\r\n" is one Character, which a split on the Character "\n" misses.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Substring(line.last == "\r" ? line.dropLast() : line)
        }
        var result: [Statement] = []
        var retries = 0
        var i = 0
        while i < lines.count {
            // The first scalar, not Character: "[" and a combining mark after it are one Character.
            let first = lines[i].unicodeScalars.first { $0 != " " && $0 != "\t" }
            if first == nil || first == "#" {
                i += 1
                continue
            }
            if first == "[" {
                result.append(Statement(line: i + 1, lines: lines[i...i], isHeader: true))
                i += 1
                continue
            }
            var scanner = LineScanner()
            scanner.scan(lines[i])
            var end = i + 1
            while !scanner.isComplete, end < lines.count {
                if !scanner.inString, startsStatement(lines[end]) { break }
                scanner.scan(lines[end])
                end += 1
            }
            if scanner.inString, end == lines.count, end > i + 1, retries < unclosedStringRetries {
                retries += 1
                end = i + 1
            }
            result.append(Statement(line: i + 1, lines: lines[i..<end], isHeader: false))
            i = end
        }
        return result
    }

    /// Whether `line` can only be the start of a statement, never a line inside an array:
    /// `key =` (bare, possibly dotted) or a `[section]` header (a name, not `[true]` or `[1]`).
    static func startsStatement(_ line: Substring) -> Bool {
        let start = line.drop { $0 == " " || $0 == "\t" }
        if start.unicodeScalars.first == "[" {
            let inner = start.drop { $0 == "[" }
            let name = inner.prefix { $0 != "]" }
            guard let first = name.first, first.isASCII, first.isLetter || first == "_",
                  inner.dropFirst(name.count).first == "]",
                  name.allSatisfy({ isBareKeyCharacter($0) || $0 == "." || $0 == " " }) else { return false }
            return !["true", "false", "inf", "nan"].contains(name.trimmingCharacters(in: " "))
        }
        let key = start.prefix { isBareKeyCharacter($0) || $0 == "." || $0 == " " || $0 == "\t" }
        return key.contains(where: isBareKeyCharacter) && start.dropFirst(key.count).first == "="
    }

    static func isBareKeyCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_")
    }

    /// Follows strings, comments and brackets across the lines of one statement.
    struct LineScanner {
        private enum Inside { case code, basicString, literalString }
        private var inside = Inside.code
        private var depth = 0

        /// Inside a multi-line string.
        var inString: Bool { inside != .code }
        /// Nothing is left open: the statement can end here.
        var isComplete: Bool { inside == .code && depth == 0 }

        mutating func scan(_ line: Substring) {
            let bytes = Array(line.utf8)
            let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
            /// The number of `byte`s in a row from `i`.
            func run(of byte: UInt8, at i: Int) -> Int {
                var n = 0
                while i + n < bytes.count, bytes[i + n] == byte { n += 1 }
                return n
            }
            var i = 0
            while i < bytes.count {
                let c = bytes[i]
                switch inside {
                case .basicString, .literalString:
                    let closing = inside == .basicString ? quote : apostrophe
                    if inside == .basicString, c == backslash {
                        i += 2
                    } else if c == closing, run(of: closing, at: i) >= 3 {
                        // Up to two quotes may end the string's text just before its closing three.
                        i += min(run(of: closing, at: i), 5)
                        inside = .code
                    } else {
                        i += 1
                    }
                case .code:
                    switch c {
                    case UInt8(ascii: "#"):
                        return
                    case quote, apostrophe:
                        if run(of: c, at: i) >= 3 {
                            inside = c == quote ? .basicString : .literalString
                            i += 3
                            continue
                        }
                        // A one-line string: to its closing quote or the end of the line.
                        i += 1
                        while i < bytes.count, bytes[i] != c {
                            i += c == quote && bytes[i] == backslash ? 2 : 1
                        }
                        i += 1
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        depth += 1
                        i += 1
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        depth = max(0, depth - 1)
                        i += 1
                    default:
                        i += 1
                    }
                }
            }
        }
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
