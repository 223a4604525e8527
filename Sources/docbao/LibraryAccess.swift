import ArgumentParser
import DocBaoCore
import DocBaoStore
import Foundation
import Synchronization

/// Opening the library for a command: `--library PATH` or the default XDG place; a library that
/// cannot be used is the command's `Failure` (with the way out), status 1 or `failure`.
enum LibraryAccess {
    static func open(_ explicitPath: String?, command: String, failure: Int32 = 1) throws -> LibraryStore {
        let path = explicitPath ?? LibraryStore.defaultPath()
        if FileName.carriesBytes(path) {
            throw Failure("\(command): \(path): a library's path must be UTF-8 text", status: failure)
        }
        do {
            return try openShowingUpgrade(path)
        } catch {
            throw Failure("\(command): \(error)", status: failure)
        }
    }

    /// Opens the library at `path` (`LibraryStore.init`); an upgrade of its schema that goes
    /// through every article shows how far it is on stderr when that is a terminal (`UpgradeLine`).
    static func openShowingUpgrade(_ path: String) throws(LibraryError) -> LibraryStore {
        guard Output.stderrIsTerminal else { return try LibraryStore(path: path) }
        let line = UpgradeLine()
        defer { line.clear() }
        return try LibraryStore(path: path) { line.show($0) }
    }
}

/// "docbao: upgrading the library (schema 3): 42%" on stderr, redrawn in place as the rows go
/// by, and cleared once the library is open (upgrading 35,000 articles takes minutes).
final class UpgradeLine: Sendable {
    private let shown = Mutex(false)

    func show(_ progress: UpgradeProgress) {
        shown.withLock { $0 = true }
        Output.status("\rdocbao: upgrading the library (schema \(progress.schema)): \(progress.percent)%\u{1B}[K")
    }

    func clear() {
        if shown.withLock({ $0 }) { Output.status("\r\u{1B}[K") }
    }
}

/// The `--library PATH` option every library command takes.
struct LibraryOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use this library file instead of $XDG_DATA_HOME/docbao/library.sqlite.", valueName: "path"))
    var library: String?
}
