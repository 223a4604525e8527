import Foundation
import GRDB

extension LibraryCheck {
    /// What a repair's new library is called while it is being made, beside the library.
    static let repairSuffix = ".repairing"

    /// Repairs the damaged library at `path`: a new library is made beside it (`path.repairing`)
    /// with every article, position and mark that can still be read, and only once it is complete
    /// and on disk does it take the library's place; the damaged file is kept as
    /// `path.broken-TIME` (with its -wal file). At every moment `path` is the damaged file or the
    /// whole repair; the one exception, a kill in the instant between taking the damaged file's
    /// -wal away and renaming, leaves that -wal beside its `.broken-TIME` name, and the next repair
    /// puts it back (`restoreLog`). A sound, foreign, newer or unreadable file is left as it is.
    /// - Parameter stop: asked between articles; when it says yes the repair is abandoned (its
    ///   file removed) and the library is left as it was (`Report.interrupted`).
    /// - Returns: the report; `healthy` is false when some article could not be saved, or some
    ///   pages could not be read and the list of articles was lost with them.
    public static func repair(path: String, now: Date = Date(), stop: () -> Bool = { false }) throws(LibraryError) -> Report {
        var report = Report()
        restoreLog(path, &report)
        let found = check(path: path)
        switch found.verdict {
        case .sound:
            report.lines.append("\(path): sound; nothing to repair")
            return report
        case .foreign:
            throw LibraryError(path: path, problem: .cannotOpen("not a docbao library; --repair leaves other programs' databases alone"))
        case .newer:
            let version = (try? LibraryStore.readOnlyQueue(path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }) ?? nil
            throw LibraryError(path: path, problem: .newerSchema(version ?? 0))
        case .unreadable:
            throw LibraryError(path: path, problem: .cannotOpen(found.lines.last { $0.hasPrefix("problem:") } ?? "cannot be read"))
        case .damaged:
            break
        }
        let temp = path + repairSuffix
        if stop() { return stopped(path, report) }
        let lock = try claim(temp, path: path, &report)
        defer { close(lock) }
        let counts: LibrarySalvage.Counts
        do {
            counts = try build(temp, from: path, now: now, stop: stop)
            guard fsync(lock) == 0 else { throw LibraryError(path: temp, problem: .cannotOpen("cannot write it to disk: \(errorText())")) }
        } catch {
            removeFiles(temp)
            if error is LibrarySalvage.Stopped { return stopped(path, report) }
            throw error as? LibraryError ?? LibraryError(path: temp, sqlite: error)
        }
        let aside = try setAside(path, now: now)
        report.lines.append("set aside as \(aside) (not deleted); repair when no docbao is using the library")
        // The damaged file's -wal belongs to it (kept beside `aside`): it must be gone before the
        // new file takes the name, or SQLite would read its pages into the new library.
        unlink(path + "-wal")
        unlink(path + "-shm")
        guard rename(temp, path) == 0 else {
            throw LibraryError(path: path, problem: .cannotOpen("cannot put the repaired library in place: \(errorText()); it is \(temp)"))
        }
        syncFolder(of: path)
        var saved = "new library at \(path): \(counts.articles) articles, \(counts.positions) reading positions, \(counts.marks) marks saved"
        if !counts.sqliteRead { saved += " (SQLite could not read the file: its pages were read one by one)" }
        report.lines.append(saved)
        if counts.lost > 0 {
            report.verdict = .damaged
            report.lines.append("\(counts.lost) articles could not be saved")
        }
        if counts.unreadablePages > 0 && !counts.listComplete {
            report.verdict = .damaged
            let pages = counts.unreadablePages == 1 ? "1 page" : "\(counts.unreadablePages) pages"
            report.lines.append("\(pages) could not be read: they may have held more articles")
        }
        return report
    }

    /// The report of a repair stopped before it was complete.
    private static func stopped(_ path: String, _ report: Report) -> Report {
        var report = report
        report.interrupted = true
        report.verdict = .damaged
        report.lines.append("repair interrupted: nothing was changed, \(path) is as it was")
        return report
    }

    /// Takes the name of the repair's file: removes one left by a repair that was killed (said in
    /// the report), refuses while another repair is running. Returns a descriptor of the new,
    /// empty file, locked (flock) for as long as this repair runs.
    private static func claim(_ temp: String, path: String, _ report: inout Report) throws(LibraryError) -> Int32 {
        for _ in 0..<10 {
            let fd = open(temp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                if flock(fd, LOCK_EX | LOCK_NB) == 0 { return fd }
                close(fd)
                continue
            }
            guard errno == EEXIST else {
                throw LibraryError(path: path, problem: .cannotOpen("cannot create \(temp): \(errorText())"))
            }
            let old = open(temp, O_RDONLY | O_CLOEXEC)
            guard old >= 0 else { continue }  // gone meanwhile
            defer { close(old) }
            guard flock(old, LOCK_EX | LOCK_NB) == 0 else {
                throw LibraryError(path: path, problem: .cannotOpen("another `docbao library check --repair` is repairing it"))
            }
            // Unlocked: its repair is dead. Removed only if it is still the file under that name.
            var held = stat(), named = stat()
            if fstat(old, &held) == 0, stat(temp, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                removeFiles(temp)
                report.lines.append("removed \(temp): an unfinished repair left by one that was interrupted")
            }
        }
        throw LibraryError(path: path, problem: .cannotOpen("cannot create \(temp)"))
    }

    /// Makes the new library at `temp` (already created, empty) with what can be read from `path`,
    /// and closes it in WAL mode with nothing left in a -wal file.
    private static func build(_ temp: String, from path: String, now: Date, stop: () -> Bool) throws -> LibrarySalvage.Counts {
        var configuration = Configuration()
        // Nothing of the file matters until it is complete: no journal file, no waiting for the
        // disk on each article (the whole is synced once, at the end).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = MEMORY")
            try db.execute(sql: "PRAGMA synchronous = OFF")
        }
        let target = try DatabaseQueue(path: temp, configuration: configuration)
        try LibrarySchema.current.migrate(target)
        let counts = try LibrarySalvage.copy(from: path, into: target, now: now.timeIntervalSince1970, stop: stop)
        try target.writeWithoutTransaction { db in
            guard try String.fetchAll(db, sql: "PRAGMA quick_check") == ["ok"] else {
                throw LibraryError(path: temp, problem: .corrupt("the new library does not check sound"))
            }
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try target.close()
        guard !FileManager.default.fileExists(atPath: temp + "-wal") else {
            throw LibraryError(path: temp, problem: .cannotOpen("its write-ahead log was not folded in"))
        }
        return counts
    }

    /// Links the damaged library (and its -wal) to a free `path.broken-TIME` name, leaving it in
    /// place: it is both until the repair takes its name. Copies it where links are not possible.
    private static func setAside(_ path: String, now: Date) throws(LibraryError) -> String {
        var n = 1
        while true {
            let aside = "\(path).broken-\(Int(now.timeIntervalSince1970))" + (n == 1 ? "" : "-\(n)")
            n += 1
            if link(path, aside) == 0 || (errno != EEXIST && copyFile(path, aside)) {
                var wal = stat()
                if stat(path + "-wal", &wal) == 0, wal.st_size > 0, link(path + "-wal", aside + "-wal") != 0,
                   !copyFile(path + "-wal", aside + "-wal") {
                    throw LibraryError(path: path, problem: .cannotOpen("cannot keep its -wal file as \(aside)-wal: \(errorText())"))
                }
                syncFolder(of: path)
                return aside
            }
            guard errno == EEXIST else {
                throw LibraryError(path: path, problem: .cannotOpen("cannot set it aside: \(errorText())"))
            }
        }
    }

    /// Puts back the damaged file's -wal when a repair was killed in the instant between taking it
    /// away and putting the new library in place: `path` is then still the damaged file (the same
    /// file as a `path.broken-TIME` beside it, which has the -wal) and has none of its own.
    private static func restoreLog(_ path: String, _ report: inout Report) {
        var info = stat(), wal = stat()
        guard stat(path, &info) == 0, info.st_nlink > 1, stat(path + "-wal", &wal) != 0 || wal.st_size == 0 else { return }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent + ".broken-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for candidate in names where candidate.hasPrefix(name) && !candidate.hasSuffix("-wal") && !candidate.hasSuffix("-shm") {
            let aside = folder.isEmpty ? candidate : folder + "/" + candidate
            var other = stat(), log = stat()
            guard stat(aside, &other) == 0, other.st_ino == info.st_ino, other.st_dev == info.st_dev,
                  stat(aside + "-wal", &log) == 0, log.st_size > 0 else { continue }
            unlink(path + "-wal")
            unlink(path + "-shm")
            if link(aside + "-wal", path + "-wal") == 0 || copyFile(aside + "-wal", path + "-wal") {
                report.lines.append("put back \(path)-wal from \(aside)-wal: a repair was killed as it put its new library in place")
            }
            return
        }
    }

    /// Copies `from` to a new file `to` and syncs it; false (errno set) when that failed.
    private static func copyFile(_ from: String, _ to: String) -> Bool {
        let input = open(from, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return false }
        defer { close(input) }
        let output = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { return false }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return false }
            if n == 0 { break }
            var done = 0
            while done < n {
                let w = buffer.withUnsafeBytes { write(output, $0.baseAddress! + done, n - done) }
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else { unlink(to); return false }
                done += w
            }
        }
        return fsync(output) == 0
    }

    private static func removeFiles(_ temp: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temp + suffix) }
    }

    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
