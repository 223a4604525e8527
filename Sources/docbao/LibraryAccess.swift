import ArgumentParser
import DocBaoCore
import DocBaoLibrary
import Foundation

/// Opening the library for a command: `--library PATH` or the default XDG place; a library that
/// cannot be used is reported (with the way out) and the command exits with status 1.
enum LibraryAccess {
    static func open(_ explicitPath: String?, command: String, failure: Int32 = 1) throws -> LibraryStore {
        let path = explicitPath ?? LibraryStore.defaultPath()
        if FileName.carriesBytes(path) {
            Output.error("\(command): \(path): a library's path must be UTF-8 text")
            throw ExitCode(failure)
        }
        do {
            return try LibraryStore(path: path)
        } catch {
            Output.error("\(command): \(error)")
            throw ExitCode(failure)
        }
    }
}

/// The `--library PATH` option every library command takes.
struct LibraryOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use this library file instead of $XDG_DATA_HOME/docbao/library.sqlite.", valueName: "path"))
    var library: String?
}
