import DocBaoCore
import Foundation

/// The few libc calls docbao makes outside the file readers, behind one type (as
/// swift-argument-parser's `Platform`): what a path is, whether a descriptor is a terminal, a
/// private temporary folder, a thread's priority.
public enum Platform {
    /// What a path or a descriptor is.
    public enum FileType: Equatable, Sendable {
        case regular, directory, pipe, socket, other
    }

    /// The type of a file from its `stat`.
    public static func fileType(_ info: stat) -> FileType {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFIFO: return .pipe
        case S_IFSOCK: return .socket
        default: return .other
        }
    }

    /// The type of the file at `path` (following links), or nil when there is none or it cannot be asked.
    public static func fileType(atPath path: String) -> FileType? {
        var info = stat()
        guard FileName.withCString(path, { stat($0, &info) }) == 0 else { return nil }
        return fileType(info)
    }

    /// Whether `path` is a folder (or a link to one).
    public static func isDirectory(_ path: String) -> Bool { fileType(atPath: path) == .directory }

    /// The type of what descriptor `fd` is open on, or nil.
    public static func fileType(of fd: Int32) -> FileType? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return fileType(info)
    }

    /// Whether `fd` is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Whether stdin is a pipe, a file or a socket (as in `cmd | docbao` or `docbao < file`), rather
    /// than a terminal or /dev/null: only then does docbao read an article from it.
    public static var standardInputCarriesData: Bool {
        guard let type = fileType(of: STDIN_FILENO) else { return false }
        return type == .regular || type == .pipe || type == .socket
    }

    /// A private folder (mode 0700, mkdtemp) in $TMPDIR named "PREFIX-PID-XXXXXX", after removing
    /// the ones of that prefix left by processes that are gone (killed before they cleaned up).
    public static func makeTemporaryFolder(prefix: String) throws(PlatformError) -> String {
        let base = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(prefix + "-") {
            let parts = name.split(separator: "-")
            if parts.count == 3, let pid = Int32(parts[1]), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: base + "/" + name)
            }
        }
        var template = Array((base + "/\(prefix)-\(getpid())-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PlatformError(description: "cannot make a temporary folder in \(base) (\(String(cString: strerror(errno))))")
        }
        return String(cString: made)
    }

    /// Lowers the calling thread's priority to nice `nice` (Linux: a thread has its own), so that
    /// the process's other threads come first on a machine with few cores. Does nothing where the
    /// thread's id cannot be known.
    public static func lowerThreadPriority(to nice: Int32) {
        if let id = threadID() { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id, nice) }
    }

    /// The calling thread's id (the last part of /proc/thread-self, "PID/task/TID"), or nil.
    static func threadID() -> id_t? {
        var link = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &link, link.count)
        guard count > 0 else { return nil }
        let path = String(decoding: link.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.split(separator: "/").last.flatMap { id_t($0) }
    }
}

/// A system call that failed, as a phrase for "docbao: phrase".
public struct PlatformError: Error, CustomStringConvertible {
    public let description: String
}
