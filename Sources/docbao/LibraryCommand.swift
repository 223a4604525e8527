import ArgumentParser
import DocBaoCore
import DocBaoLibrary
import Foundation

/// `docbao library check [--repair]`: what is wrong with the library file, and the way out.
struct LibraryCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the library file; with --repair, set a damaged one aside and start a new library with what can be read.",
        usage: "docbao library check [--repair]",
        discussion: """
        The check only reads. --repair renames the file (and its -wal and -shm files) to \
        library.sqlite.broken-TIME, never deletes it, and copies every article, reading \
        position and mark that can still be read into a new library.

        Exit status: 0 when the library is sound (or was repaired), 1 when it is damaged.

        docbao library, without check, opens the library view.
        """)

    @Flag(help: "Set a damaged library aside and start a new one with what can be read from it.")
    var repair = false

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        let path = libraryOption.library ?? LibraryStore.defaultPath()
        if FileName.carriesBytes(path) {
            Output.error("docbao library check: \(path): a library's path must be UTF-8 text")
            throw ExitCode(1)
        }
        let report = LibraryCheck.check(path: path)
        for line in report.lines { Output.out("\(line)\n") }
        guard !report.healthy else { return }
        guard repair else { throw ExitCode(1) }
        do {
            let repaired = try LibraryCheck.repair(path: path)
            for line in repaired.lines { Output.out("\(line)\n") }
            if !repaired.healthy { throw ExitCode(1) }  // some articles could not be saved
        } catch let error as LibraryError {
            Output.error("docbao library check: \(error)")
            throw ExitCode(1)
        }
    }
}
