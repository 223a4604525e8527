import GRDB

/// How far an upgrade of the library's schema is: the step that makes schema `schema` has gone
/// through `done` of its `total` rows. Schema 3 rewrites every article's content (about 2.5
/// minutes for 35,000 articles), so whoever opens a library may show this
/// (`LibraryStore.init(path:upgradeProgress:)`).
public struct UpgradeProgress: Equatable, Sendable {
    public typealias Report = @Sendable (UpgradeProgress) -> Void

    public var schema: Int
    public var done: Int
    public var total: Int

    /// Whole percent of the rows done.
    public var percent: Int { total > 0 ? min(100, done * 100 / total) : 100 }
}

/// What a step that goes through many rows says of its progress (`LibrarySchema.append`): it
/// `start`s with the number of rows, then `advance`s after each. The report is made only when
/// the whole percent changes (at most 101 times a step), from the step's own thread.
final class UpgradeRows {
    let schema: Int
    private let report: UpgradeProgress.Report?
    private var total = 0
    private var done = 0
    private var percent = -1

    init(schema: Int, report: UpgradeProgress.Report?) {
        self.schema = schema
        self.report = report
    }

    /// The step will go through `total` rows.
    func start(total: Int) {
        self.total = total
        done = 0
        percent = -1
        tell()
    }

    /// The step will go through every row of `table` (counted only when someone listens).
    func start(_ db: Database, counting table: String) throws {
        guard report != nil else { return }
        start(total: try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
    }

    /// One row more is done.
    func advance(by rows: Int = 1) {
        done += rows
        tell()
    }

    private func tell() {
        guard let report, total > 0 else { return }
        let progress = UpgradeProgress(schema: schema, done: min(done, total), total: total)
        guard progress.percent != percent else { return }
        percent = progress.percent
        report(progress)
    }
}
