import DocBaoCore
import Foundation
import Testing
@testable import DocBaoApp

/// Issue 18 item 2 in whole runs: an article with one section opens without the sidebar (s shows
/// it); at 40 columns s brings up the section pop-up.
@Suite struct SidebarRunTests {
    @Test func oneSectionOpensWithoutTheSidebar() throws {
        let h = AppHarness(size: Size(width: 100, height: 30))
        let open = OpenArticle(article: PlainTextImporter.importArticle("Tiêu đề một mục\n\nĐoạn thứ nhất.\n\nĐoạn thứ hai."))
        #expect(open.article.sections.count <= 1)
        h.run(.read(open), Script.keys("s") + Script.keys("q"))
        #expect(!h.terminal.frames[0].lines[0].contains("MỤC LỤC") && !h.terminal.frames[0].lines[0].contains("│"))
        #expect(h.terminal.frames[1].lines[0].contains("MỤC LỤC"), "s still shows it")
    }

    @Test func manySectionsKeepIt() throws {
        let h = AppHarness(size: Size(width: 100, height: 30))
        h.run(.read(try AppHarness.seed()), Script.keys("q"))
        #expect(h.terminal.frames[0].lines[0].contains("MỤC LỤC"))
    }

    @Test func narrowScreensShowThePopUp() throws {
        let h = AppHarness(size: Size(width: 40, height: 12))
        h.run(.read(try AppHarness.seed()), Script.keys("s") + Script.keys("j Enter") + Script.keys("q"))
        #expect(h.terminal.frames[1].lines.joined().contains("MỤC LỤC"))
        #expect(!h.terminal.frames[2].lines.joined().contains("MỤC LỤC"))
        #expect(h.terminal.frames[2].lines[0].contains("Thứ nhất"), "\(h.terminal.frames[2].lines)")
    }
}
