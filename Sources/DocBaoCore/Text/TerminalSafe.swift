/// Foreign strings made safe to print on a terminal, with the rules article text gets.
///
/// File names, paths, config keys, library titles and the error texts of libraries reach docbao's
/// messages; any of them may hold an escape sequence (`ESC ] 52` writes the clipboard), a C1
/// control, a bidi control that reorders the line, or bytes that are not UTF-8. They are cleaned
/// as `TextSanitizer` cleans an article (controls as pictures, so ESC shows as "␛"; C1 and bidi
/// controls as `<U+202E>`; NFC) and printed as `articleText` prints an article (bidi marks dropped),
/// bytes carried by a `FileName` are shown as U+FFFD, and, for a name, line feeds, carriage returns
/// and tabs are pictures too (a name never starts a line of its own).
public enum TerminalSafe {
    /// A name or value on one line: no control at all, line feeds and tabs shown as "␊" and "␉".
    public static func line(_ s: String) -> String {
        articleText(TextSanitizer.clean(showingLineControls(FileName.readable(s))))
    }

    /// A text of several lines (an error with its usage): like `line`, but line feeds kept.
    public static func text(_ s: String) -> String {
        articleText(TextSanitizer.clean(FileName.readable(s)))
    }

    /// Article text (cleaned by `TextSanitizer`) as `--dump` and `grep` print it: without the bidi
    /// marks (U+200E LRM, U+200F RLM, U+061C ALM), as the reader shows it. The reader never draws
    /// them (zero-width: `Frame.put` skips them); a terminal that does bidi would reorder the line
    /// by them. The model keeps them, and so does the JSON `export` writes.
    /// - Complexity: O(n), one read-only pass when there is no mark.
    public static func articleText(_ s: String) -> String {
        guard containsBidiMark(s) else { return s }
        var scalars = String.UnicodeScalarView()
        for scalar in s.unicodeScalars where !isBidiMark(scalar.value) { scalars.append(scalar) }
        return String(scalars)
    }

    static func isBidiMark(_ v: UInt32) -> Bool { v == 0x200E || v == 0x200F || v == 0x061C }

    /// Whether the UTF-8 holds E2 80 8E, E2 80 8F (LRM, RLM) or D8 9C (ALM).
    private static func containsBidiMark(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            var i = 0
            while i + 1 < bytes.count {
                switch bytes[i] {
                case 0xD8 where bytes[i + 1] == 0x9C: return true
                case 0xE2 where bytes[i + 1] == 0x80 && i + 2 < bytes.count && (bytes[i + 2] == 0x8E || bytes[i + 2] == 0x8F):
                    return true
                default: i += 1
                }
            }
            return false
        }
    }

    /// Tabs, line feeds and carriage returns as their control pictures (U+2409, U+240A, U+240D):
    /// the sanitizer would keep them as spaces and line ends.
    private static func showingLineControls(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var scalars = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: scalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
