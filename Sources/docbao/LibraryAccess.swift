import ArgumentParser
import DocBaoCore
import DocBaoLibrary
import Foundation

/// Opening the library for a command: `--library PATH` or the default XDG place; a library that
/// cannot be used is the command's `Failure` (with the way out), status 1 or `failure`.
enum LibraryAccess {
    static func open(_ explicitPath: String?, command: String, failure: Int32 = 1) throws -> LibraryStore {
        let path = explicitPath ?? LibraryStore.defaultPath()
        if FileName.carriesBytes(path) {
            throw Failure("\(command): \(path): a library's path must be UTF-8 text", status: failure)
        }
        do {
            return try LibraryStore(path: path)
        } catch {
            throw Failure("\(command): \(error)", status: failure)
        }
    }
}

/// The `--library PATH` option every library command takes.
struct LibraryOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use this library file instead of $XDG_DATA_HOME/docbao/library.sqlite.", valueName: "path"))
    var library: String?
}
