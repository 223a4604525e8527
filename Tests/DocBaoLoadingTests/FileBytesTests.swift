import DocBaoCore
@testable import DocBaoLoading
import Foundation
import Testing

/// Reading whole files and streams: binary input refused from its first bytes, streams capped,
/// a file that changes while being read told (issue 15).
@Suite struct FileBytesTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString).txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func anEndlessDeviceIsRefusedAsBinaryOrCut() throws {
        let zero = open("/dev/zero", O_RDONLY)
        defer { close(zero) }
        #expect { try FileBytes.readAll(zero, refusingBinary: true) } throws: { ($0 as? FileBytes.ReadError)?.binary == true }
        // Read as text anyway, it stops at the limit.
        #expect { try FileBytes.readAll(zero, refusingBinary: false, limit: 1 << 20) } throws: {
            ($0 as? FileBytes.ReadError)?.description.contains("more than") == true
        }
    }

    @Test func aPipeIsReadUpToTheLimit() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let text = Array(String(repeating: "dòng chữ\n", count: 20_000).utf8)
        let writeEnd = fds[1]
        let writer = Thread { text.withUnsafeBytes { _ = write(writeEnd, $0.baseAddress!, $0.count) }; close(writeEnd) }
        writer.start()
        defer { close(fds[0]) }
        let contents = try FileBytes.readAll(fds[0], refusingBinary: true, limit: text.count)
        #expect(contents.bytes == text && !contents.changed)
    }

    @Test func aNulByteFarInStopsTheReading() throws {
        let path = try temporaryFile(Array(repeating: UInt8(ascii: "a"), count: 300_000) + [0] + Array("b".utf8))
        defer { unlink(path) }
        #expect { try FileBytes.readFile(path: path, refusingBinary: true) } throws: { ($0 as? FileBytes.ReadError)?.binary == true }
        #expect(try FileBytes.readFile(path: path).bytes.count == 300_002)
        // UTF-32 holds NUL bytes as text.
        let utf32: [UInt8] = [0xFF, 0xFE, 0, 0] + "Tin".unicodeScalars.flatMap { [UInt8($0.value), 0, 0, 0] }
        let wide = try temporaryFile(utf32)
        defer { unlink(wide) }
        #expect(try FileBytes.readFile(path: wide, refusingBinary: true).bytes == utf32)
    }

    @Test func aFileThatShrinksOrGrowsWhileReadIsTold() throws {
        let original = Array(String(repeating: "Đoạn văn.\n", count: 20_000).utf8)  // past the first bytes read
        for change in ["shrink", "grow", "none"] {
            let path = try temporaryFile(original)
            defer { unlink(path) }
            let fd = open(path, O_RDONLY)
            defer { close(fd) }
            let contents = try FileBytes.readAll(fd, refusingBinary: true, limit: FileBytes.streamLimit) {
                switch change {
                case "shrink": _ = truncate(path, 100_000)
                case "grow":
                    let handle = FileHandle(forWritingAtPath: path)!
                    handle.seekToEndOfFile()
                    handle.write(Data("thêm\n".utf8))
                    handle.closeFile()
                default: break
                }
            }
            #expect(contents.changed == (change != "none"), "\(change)")
            if change == "shrink" { #expect(contents.bytes.count == 100_000) }
            if change == "none" { #expect(contents.bytes == original) }
        }
    }
}
