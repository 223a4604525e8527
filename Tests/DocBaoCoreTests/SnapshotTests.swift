import Foundation
import Testing
@testable import DocBaoCore

/// Whole-frame snapshots of the bundled article, stored as text next to the tests. To re-record after
/// an intended change: `DOCBAO_RECORD=1 swift test --filter SnapshotTests`, then review the diff.
@Suite struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func assertSnapshot(_ name: String, _ state: ReaderState, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = Renderer.render(state).lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
        let url = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["DOCBAO_RECORD"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let stored = try String(contentsOf: url, encoding: .utf8)
        #expect(Array(stored.unicodeScalars) == Array(text.unicodeScalars),
                "frame differs from \(name).txt:\n\(text)", sourceLocation: sourceLocation)
    }

    @Test func seedOpening100x30() throws {
        try assertSnapshot("seed-100x30", try Fixtures.seedState(100, 30))
    }

    @Test func seedSecondTask100x30() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("] ]"), &s)
        try assertSnapshot("seed-100x30-second-task", s)
    }

    @Test func seedSidebarFocused80x24() throws {
        var s = try Fixtures.seedState(80, 24)
        Fixtures.press(Fixtures.keys("Tab j"), &s)
        try assertSnapshot("seed-80x24-sidebar-focused", s)
    }

    @Test func seedNarrow60x20() throws {
        var s = try Fixtures.seedState(60, 20)
        Fixtures.press(Fixtures.keys("G"), &s)
        try assertSnapshot("seed-60x20-end", s)
    }
}
