import Foundation
import Testing
@testable import DocBaoCore

@Suite struct FrameTests {
    @Test func seedAt100x30ShowsTitleSidebarAndStatus() throws {
        let s = try Fixtures.seedState(100, 30)
        let lines = Renderer.render(s).lines
        let g = s.geometry
        #expect(lines.count == 30)
        #expect(lines[0].hasPrefix(" MỤC LỤC"))
        #expect(String(lines[0].dropFirst(g.columnX)).hasPrefix("Thứ trưởng Ngoại giao trả lời báo chí"))
        // Entries run over two rows, the second indented: join them to read a label whole.
        let sidebar = lines.prefix(g.viewHeight).map { String($0.prefix(g.sidebarWidth)) }
            .joined(separator: "\n").replacingOccurrences(of: " *\n    ", with: " ", options: .regularExpression)
        #expect(sidebar.contains("đấu tranh bảo vệ chủ quyền"))
        #expect(sidebar.contains("ngoại giao kinh tế"))
        #expect(sidebar.contains("▶"), "the current section is marked")
        for row in lines.prefix(g.viewHeight) {
            #expect(Array(row)[g.sidebarWidth] == "│", "the border stays straight")
        }
        #expect(lines[29].contains("%"))
        #expect(lines[29].contains("q thoát"))
    }

    @Test func placeholdersForControlsAreDimAndTheRestIsNot() throws {
        let article = PlainTextImporter.importArticle("Tiêu đề\n\nA \u{1B}[2J b \u{202E}c <U+12> <b>.\n")
        let s = ReaderState(article: article, size: Size(width: 60, height: 10))
        let frame = Renderer.render(s)
        let g = s.geometry
        let row = try #require((0..<g.viewHeight).first { frame.lines[$0].contains("A ␛[2J") })
        let cells = (g.columnX..<60).map { frame[$0, row] }
        let dimmed = cells.filter { $0.style == Style.placeholder }.map { $0.text }.joined()
        #expect(dimmed == "␛<U+202E>")
        #expect(frame.lines[row].contains("A ␛[2J b <U+202E>c <U+12> <b>."))
    }

    @Test func theSidebarMarksTheSectionBeingRead() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("] ]"), &s)
        #expect(Fixtures.paneLines(s)[0].hasPrefix("Thứ hai là công tác ngoại giao kinh tế"))
        let g = s.geometry
        let marked = Renderer.render(s).lines.prefix(g.viewHeight).filter { $0.hasPrefix("▶") }
        #expect(marked.count == 1)
        #expect(marked.first?.contains("Thứ hai") == true)
    }

    @Test func nfdInputRendersExactlyLikeNfc() throws {
        let nfc = try TestData.text(TestData.seed)
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.unicodeScalars) != Array(nfc.unicodeScalars))
        for size in [Size(width: 100, height: 30), Size(width: 60, height: 20)] {
            let a = ReaderState(article: PlainTextImporter.importArticle(nfc), size: size)
            let b = ReaderState(article: PlainTextImporter.importArticle(nfd), size: size)
            // Compare scalars: Swift's String == treats NFD and NFC as equal.
            let cells = { (f: Frame) in f.cells.map { Array($0.text.unicodeScalars) } }
            #expect(cells(Renderer.render(a)) == cells(Renderer.render(b)))
            #expect(Renderer.render(a).cells.map(\.style) == Renderer.render(b).cells.map(\.style))
        }
    }

    @Test func wideCharactersNeverStraddleTheEdge() {
        var f = Frame(size: Size(width: 5, height: 1))
        f.put("ab中国", x: 0, y: 0, style: .normal)
        #expect(f.lines == ["ab中 "])
        f.put("x", x: 3, y: 0, style: .normal)
        #expect(f.lines == ["ab x "], "overwriting half of a wide character blanks the other half")
    }

    @Test func helpIsDrawnFromTheKeyTable() throws {
        var s = try Fixtures.seedState(80, 24)
        Fixtures.press(Fixtures.keys("h"), &s)
        let text = Renderer.render(s).lines.joined(separator: "\n")
        for binding in KeyMap.defaultBindings.prefix(8) { #expect(text.contains(binding.help)) }
        #expect(text.contains("Di chuyển"))
    }

    @Test func tinyScreensRender() throws {
        for (w, h) in [(1, 1), (2, 1), (1, 5), (10, 2), (20, 3), (71, 24), (400, 200)] {
            var s = try Fixtures.seedState(w, h)
            Fixtures.press(Fixtures.keys("j G ] [ Tab j Enter s h x"), &s)
            let frame = Renderer.render(s)
            #expect(frame.lines.count == h)
            #expect(frame.lines.allSatisfy { DisplayWidth.of($0) == w })
            // With the search prompt open and a long query.
            Fixtures.press(Fixtures.keys("/ n g o a i Space g i a o Space k i n h Space t e"), &s)
            #expect(Renderer.render(s).lines.allSatisfy { DisplayWidth.of($0) == w })
        }
    }
}
