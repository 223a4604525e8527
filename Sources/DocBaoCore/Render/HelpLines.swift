/// Help lines fitted to the screen's width: a line wider than `width` columns is wrapped (by
/// `Wrapper`, on `DisplayWidth`: a Vietnamese letter never parted from its marks), not cut, and
/// its rest indented under the help text of a key line ("  keys      help"), as `man` hangs it.
/// Both help screens (the reader's `HelpView`, the library view's) go through here.
enum HelpLines {
    /// `lines` for a screen `width` columns wide; `helpColumn` is where a key line's help text
    /// starts (the key column and the two spaces before the keys).
    static func fitted(_ lines: [(text: String, style: Style)], width: Int, helpColumn: Int) -> [(text: String, style: Style)] {
        let width = max(2, width)
        // A narrow screen keeps at least half of each row for the words.
        let indent = width - helpColumn >= 16 ? helpColumn : width / 2
        var result: [(text: String, style: Style)] = []
        for line in lines {
            guard DisplayWidth.of(line.text) > width else {
                result.append(line)
                continue
            }
            let lead = line.text.prefix { $0 == " " }.count
            let hang = lead > 0 ? indent : 0
            var rest = String(line.text.dropFirst(lead))
            var prefix = String(repeating: " ", count: lead)
            var room = max(1, width - lead)
            while DisplayWidth.of(rest) > room {
                let first = Wrapper.wrap(rest, width: room)[0]
                let utf8 = Array(rest.utf8)
                result.append((prefix + String(decoding: utf8[first.start..<first.visibleEnd], as: UTF8.self), line.style))
                rest = String(decoding: utf8[first.end...], as: UTF8.self)
                rest = String(rest.drop { $0 == " " })
                prefix = String(repeating: " ", count: hang)
                room = max(1, width - hang)
            }
            result.append((prefix + rest, line.style))
        }
        return result
    }

    /// Whether a help line starts with keys (drawn in the keys' style): "  j Down   …", not the
    /// rest of a wrapped line, which starts with its indent.
    static func startsWithKeys(_ text: String) -> Bool {
        text.hasPrefix("  ") && text.dropFirst(2).first.map { $0 != " " } == true
    }
}
