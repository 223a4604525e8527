import Foundation

/// Reading files into byte arrays with read(2) and pread(2): no Foundation `Data` in between, so a
/// 100 MB article is not copied twice, and a huge file's ends can be read without the rest.
enum FileBytes {
    /// Everything `fd` holds, read straight into one array (a 100 MB article is not copied twice).
    static func readAll(_ fd: Int32) -> [UInt8]? {
        var info = stat()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) + 1 : 1 << 16)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<n])
        }
    }

    /// Up to `count` bytes of `fd` from `offset`.
    static func readAt(_ fd: Int32, offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            done += n
        }
        return Array(bytes[..<done])
    }
}
