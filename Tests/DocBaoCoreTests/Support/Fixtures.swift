import Foundation
@testable import DocBaoCore

/// Articles and reader states that the reader, layout and frame tests share.
enum Fixtures {
    static func seedArticle() throws -> Article {
        PlainTextImporter.importArticle(try TestData.text(TestData.seed))
    }

    static func seedState(_ width: Int, _ height: Int, readingWidth: Int = 80) throws -> ReaderState {
        ReaderState(article: try seedArticle(), size: Size(width: width, height: height), readingWidth: readingWidth)
    }

    /// 40 one-line paragraphs, then a last section too short to ever reach the top of a 30-row view.
    static func articleWithAShortLastSection() -> Article {
        var blocks = [Block(.title, "Tiêu đề")]
        for i in 0..<40 { blocks.append(Block(.paragraph, "Đoạn \(i) với đủ chữ để chiếm một dòng.")) }
        blocks.append(Block(.heading, "Tài liệu tham khảo"))
        blocks.append(Block(.paragraph, "Một dòng."))
        return Article(blocks: blocks, sections: Outline.sections(for: blocks))
    }

    /// Sends keys to the reader the way the run loop does (key map, then reducer); returns the effects.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout ReaderState) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            if let message = Reader.message(for: .key(key), in: state) {
                effects += Reader.reduce(&state, message)
            }
            Reader.settle(&state)  // a frame after each key, as when keys are typed one by one
        }
        return effects
    }

    /// Keys written as in the help screen: "] ] Tab j Enter".
    static func keys(_ spec: String) -> [Key] {
        spec.split(separator: " ").map { word in
            switch word {
            case "Tab": return .tab
            case "Enter": return .enter
            case "Space": return .char(" ")
            case "Esc": return .escape
            case "Down": return .down
            case "Up": return .up
            case "PgDn": return .pageDown
            case "PgUp": return .pageUp
            case "Home": return .home
            case "End": return .end
            case "F1": return .function(1)
            default: return .char(word.first!)
            }
        }
    }

    /// The rows of the article pane (sidebar and border cut off), trailing spaces trimmed.
    static func paneLines(_ state: ReaderState) -> [String] {
        let frame = Renderer.render(state)
        let g = state.geometry
        return frame.lines.prefix(g.viewHeight).map { row in
            String(row.dropFirst(g.paneX)).trimmingCharacters(in: .whitespaces)
        }
    }
}
