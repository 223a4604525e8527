import ArgumentParser
import DocBaoCore
import DocBaoStore
import Foundation

/// `docbao library`: the library view's help and completions, with `library check` under it.
///
/// It is run as the reader started in the library view (`Subcommand.table`'s entry), so it takes
/// the reader's options; it declares the one that names the library.
struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Browse, filter and search the library, full screen; library check checks its file.",
        usage: "docbao library",
        discussion: """
        Opens the library view: one line per article (title, source, date, reading time, how \
        far you have read); & filters the titles as you type, / searches the text of every \
        article, F lists the subscribed feeds with their unread articles (Enter shows one \
        feed's), R updates them as docbao update does, N marks an article read or unread, A \
        marks the list read, Enter opens an article at your place \
        (then J and K go to the next and previous of the list, U to the next unread), ? lists \
        the keys. The reader's options apply \
        too (--width, --theme, --tones, --input…: see docbao --help). When stdout is not a \
        terminal, the library is printed as docbao list prints it.

        docbao library check [--repair] checks the library file (docbao help library check).
        """,
        subcommands: Subcommand.commands(under: ["library"]))

    @OptionGroup var libraryOption: LibraryOption
}

/// `docbao library check [--repair]`: what is wrong with the library file, and the way out.
struct LibraryCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the library file; with --repair, set a damaged one aside and start a new library with what can be read.",
        usage: "docbao library check [--repair]",
        discussion: """
        The check only reads. --repair makes a new library beside the file \
        (library.sqlite.repairing) with every article, reading position and mark that can still \
        be read, through SQLite or from the file's pages one by one, and only when it is complete \
        puts it in the file's place; the file itself is kept as library.sqlite.broken-TIME (with \
        its -wal file), never deleted. Interrupted (Ctrl-C, SIGTERM, SIGHUP, or killed), it leaves \
        the library as it was.

        Exit status: 0 when the library is sound (or was repaired with nothing lost), 1 when it is \
        damaged or some articles could not be saved, 128+N when signal N stopped the repair.

        docbao library, without check, opens the library view.
        """)

    @Flag(help: "Set a damaged library aside and start a new one with what can be read from it.")
    var repair = false

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        let path = libraryOption.library ?? LibraryStore.defaultPath()
        if FileName.carriesBytes(path) {
            throw Failure("docbao library check: \(path): a library's path must be UTF-8 text")
        }
        let report = LibraryCheck.check(path: path)
        for line in report.lines { Output.out("\(line)\n") }
        guard !report.healthy else { return }
        guard repair else { throw Failure.reported() }  // the report says what is wrong
        do {
            // SIGINT, SIGTERM or SIGHUP stop the repair between two articles, leaving the library
            // as it was; one that comes once the new library is complete lets it be put in place.
            RepairSignals.catchStops()
            defer { RepairSignals.restore() }
            let repaired = try LibraryCheck.repair(path: path, stop: { RepairSignals.received != 0 })
            if repaired.interrupted {
                throw Failure.stopped(by: RepairSignals.received, lines: repaired.lines.map { "docbao library check: \($0)" })
            }
            for line in repaired.lines { Output.out("\(line)\n") }
            if RepairSignals.received != 0 {
                Output.error("docbao library check: signal \(RepairSignals.received) came as the repair was finishing; it is complete and in place")
            }
            if !repaired.healthy { throw Failure.reported() }  // the report says which articles could not be saved
        } catch let error as LibraryError {
            throw Failure("docbao library check: \(error)")
        }
    }
}

/// The signals that stop a repair, caught while it runs: their number, 0 when none came.
enum RepairSignals {
    nonisolated(unsafe) static var received: Int32 = 0
    private static let caught = [SIGINT, SIGTERM, SIGHUP]

    static func catchStops() {
        for signal in caught {
            _ = Glibc.signal(signal) { number in RepairSignals.received = number }
        }
    }

    static func restore() {
        for signal in caught { _ = Glibc.signal(signal, SIG_DFL) }
    }
}
