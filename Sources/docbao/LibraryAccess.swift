import ArgumentParser
import DocBaoLibrary
import Foundation

/// Opening the library for a command: `--library PATH` or the default XDG place; a library that
/// cannot be used is reported (with the way out) and the command exits with status 1.
enum LibraryAccess {
    static func open(_ explicitPath: String?, command: String, failure: Int32 = 1) throws -> LibraryStore {
        do {
            return try LibraryStore(path: explicitPath ?? LibraryStore.defaultPath())
        } catch {
            Output.error("\(command): \(error)")
            throw ExitCode(failure)
        }
    }
}

/// Writing to stdout and stderr without Foundation's `print` buffering surprises.
enum Output {
    static func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func error(_ text: String) { FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8)) }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}

/// The `--library PATH` option every library command takes.
struct LibraryOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use this library file instead of $XDG_DATA_HOME/docbao/library.sqlite.", valueName: "path"))
    var library: String?
}
