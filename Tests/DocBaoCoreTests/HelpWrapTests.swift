import Testing
@testable import DocBaoCore

/// The newcomer trial: on a narrow terminal (40 columns) the help screens (h in the reader, ? in
/// the library view) cut their lines at the edge, so a key's help lost its end. They wrap now,
/// each line's rest under its help text, no word cut, no row wider than the screen.
@Suite struct HelpWrapTests {
    /// Every help row, scrolled through with j: row 0 at each scroll, then the last screen.
    static func rows(_ frame: (Int) -> Frame, scrolls: Int) -> [String] {
        var rows = (0..<scrolls).map { frame($0).lines[0] }
        rows += frame(scrolls).lines.dropLast()
        return rows
    }

    /// The rows joined as one text, spaces collapsed: what a reader reads.
    static func text(_ rows: [String]) -> String {
        rows.joined(separator: " ").split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    @Test(arguments: [40, 32])
    func theReadersHelpWrapsAtNarrowWidths(width: Int) throws {
        var s = try Fixtures.seedState(width, 20)
        Fixtures.press([.char("h")], &s)
        var frames: [Frame] = []
        while true {
            frames.append(Renderer.render(s))
            let before = s.helpScroll
            Fixtures.press([.char("j")], &s)
            if s.helpScroll == before { break }
        }
        let rows = Self.rows({ frames[$0] }, scrolls: frames.count - 1)
        let text = Self.text(rows)
        for binding in s.keyMap.bindings {
            #expect(text.contains(s.keyMap.helpText(binding)), "\(s.keyMap.helpText(binding))")
        }
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= width })
        #expect(rows.count > HelpView.lines(s.keyMap).count, "some lines wrapped at \(width)")
    }

    @Test(arguments: [40, 32])
    func theLibrarysHelpWrapsAtNarrowWidths(width: Int) {
        var s = LibraryFixtures.state(width, 20)
        LibraryFixtures.press([.char("?")], &s)
        var frames: [Frame] = []
        while true {
            frames.append(LibraryRenderer.render(s))
            let before = s.helpScroll
            LibraryFixtures.press([.char("j")], &s)
            if s.helpScroll == before { break }
        }
        let rows = Self.rows({ frames[$0] }, scrolls: frames.count - 1)
        let text = Self.text(rows)
        for binding in s.keyMap.bindings {
            #expect(text.contains(s.keyMap.helpText(binding)), "\(s.keyMap.helpText(binding))")
        }
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= width })
        if width >= 40, let update = rows.firstIndex(where: { $0.contains("cập nhật mọi") }) {
            // "  R               cập nhật mọi nguồn tin (như…": the next row goes on under "cập".
            let column = DisplayWidth.of(String(rows[update].prefix { $0 != "c" }))
            #expect(rows[update + 1].prefix(column).allSatisfy { $0 == " " } && rows[update + 1].dropFirst(column).first != " ",
                    "\(rows[update]) / \(rows[update + 1])")
        }
    }
}
