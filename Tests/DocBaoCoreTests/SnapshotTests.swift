import Foundation
import Testing
@testable import DocBaoCore

/// Whole-frame snapshots of the bundled article, stored as text next to the tests. To re-record after
/// an intended change: `DOCBAO_RECORD=1 swift test --filter SnapshotTests`, then review the diff.
@Suite struct SnapshotTests {
    func assertSnapshot(_ name: String, _ state: ReaderState, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Snapshot.check(name, Renderer.render(state), sourceLocation: sourceLocation)
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
