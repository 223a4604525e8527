@testable import DocBaoStore
import Foundation
import Synchronization
import Testing

/// A schema upgrade tells whoever opened the library how far it is: the step that rewrites every
/// article's content (schema 3), percent by percent, and a step registered the same way.
@Suite struct UpgradeProgressTests {
    final class Reports: Sendable {
        let seen = Mutex<[UpgradeProgress]>([])
        func add(_ progress: UpgradeProgress) { seen.withLock { $0.append(progress) } }
        var all: [UpgradeProgress] { seen.withLock { $0 } }
    }

    @Test func theStepThatRewritesTheContentSaysEachPercentItReaches() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        try FileManager.default.copyItem(atPath: MigrationTests.schema1, toPath: lib.path)
        let reports = Reports()
        _ = try LibraryStore(path: lib.path) { reports.add($0) }
        // The fixture's six articles, from none to all, in order; the other steps have no rows to tell of.
        let content = reports.all.filter { $0.schema == 3 }
        #expect(content.map(\.done) == Array(0...6) && content.allSatisfy { $0.total == 6 })
        #expect(content.map(\.percent) == [0, 16, 33, 50, 66, 83, 100])
        // Opened again: nothing to upgrade, nothing told.
        let again = Reports()
        _ = try LibraryStore(path: lib.path) { again.add($0) }
        #expect(again.all.isEmpty)
    }

    @Test func aLaterStepTellsOnlyWhenTheWholePercentChanges() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        var schema = LibrarySchema.current
        schema.append { db, rows in
            rows.start(total: 1_000)
            for _ in 0..<1_000 { rows.advance() }
            try db.execute(sql: "CREATE TABLE tag (name TEXT PRIMARY KEY)")
        }
        _ = try LibraryStore(path: lib.path, schema: .current)
        let reports = Reports()
        _ = try LibraryStore(path: lib.path, schema: schema) { reports.add($0) }
        #expect(reports.all.map(\.percent) == Array(0...100))
        #expect(reports.all.allSatisfy { $0.schema == schema.version && $0.total == 1_000 })
    }
}
