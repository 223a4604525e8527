import Foundation

/// Writes files so that a crash or a full disk never leaves a half-written one: the data goes to a
/// temporary file beside the target, is flushed to disk, then renamed over the target.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    /// A `shared` file is one made for the user's other programs (an export): it gets the mode of
    /// the file it replaces, else 0666 less the umask, as any program's output; otherwise 0600.
    public static func write(_ data: Data, to url: URL, shared: Bool = false) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        var old = stat()
        let replaced = shared && stat(url.path, &old) == 0 ? old.st_mode & 0o7777 : nil
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, shared ? 0o666 : 0o600)
        guard fd >= 0 else { throw WriteError(description: "\(temp.path): \(String(cString: strerror(errno)))") }
        if let replaced { fchmod(fd, replaced) }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        let writeErrno = errno
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(ok ? errno : writeErrno))
            unlink(temp.path)
            throw WriteError(description: "\(url.path): \(reason)")
        }
        // Make the rename itself durable.
        let dir = open(folder.path, O_RDONLY | O_DIRECTORY)
        if dir >= 0 { fsync(dir); close(dir) }
    }
}
