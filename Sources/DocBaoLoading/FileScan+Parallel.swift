import DocBaoCore
import Foundation

extension FileScan {
    /// The first match in `range` (the last when `last`), the file scanned by `workers` threads at
    /// once: cut into pieces of `pieceSize` at fixed places, each place moved on to just after the
    /// next line break (`boundary`), so that each piece is whole lines and two neighbours agree on
    /// where one ends and the next starts. The pieces are taken in the search's order; a piece past
    /// one that has a match is not scanned, and the answer is the match of the earliest piece
    /// (in that order) that has one, once every piece before it is done. So the answer is the one
    /// the scan of one thread gives; the machine's other core, which a search while loading
    /// otherwise leaves to the import (niced), halves the wait.
    static func parallelHit(path: String, in range: Range<Int>, _ scan: LineScan, pieceSize: Int, workers: Int, last: Bool,
                            stop: @Sendable () -> Bool) -> LineScan.Hit? {
        let fd = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let count = (range.count + pieceSize - 1) / pieceSize
        let race = Race()
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
            var buffer: [UInt8] = []
            while let p = race.take(below: count), !stop() {
                let q = last ? count - 1 - p : p  // the piece's place in the file
                let from = range.lowerBound + q * pieceSize, to = min(range.upperBound, from + pieceSize)
                guard let start = boundary(fd, at: from, in: range, pieceSize: pieceSize),
                      let end = boundary(fd, at: to, in: range, pieceSize: pieceSize) else { race.fail(); return }
                guard start < end else { continue }  // inside a line begun in an earlier piece
                if buffer.count < end - start { buffer = [UInt8](repeating: 0, count: end - start) }
                guard let got = buffer.withUnsafeMutableBytes({ FileBytes.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<(end - start)]), at: start) }),
                      got == end - start else { race.fail(); return }
                var found: LineScan.Hit?
                buffer.withUnsafeBytes { bytes in
                    _ = scan.scan(UnsafeRawBufferPointer(rebasing: bytes[..<got])) { hit in
                        found = LineScan.Hit(line: (start + hit.line.lowerBound)..<(start + hit.line.upperBound),
                                             match: (start + hit.match.lowerBound)..<(start + hit.match.upperBound))
                        return last  // the first: stop; the last: go on to the piece's end
                    }
                }
                if let found { race.found(p, found) }
            }
        }
        return race.answer
    }

    /// Where a piece that would start at `offset` starts: just after the first line break at or after
    /// it (looked for up to `pieceSize` on), or, in a line longer than that, at `offset` moved back
    /// to the start of its character. The range's own ends stay as they are. Nil if unreadable.
    static func boundary(_ fd: Int32, at offset: Int, in range: Range<Int>, pieceSize: Int) -> Int? {
        guard offset > range.lowerBound, offset < range.upperBound else { return offset }
        let step = 4096
        var at = offset
        while at < min(range.upperBound, offset + pieceSize) {
            let want = min(step, range.upperBound - at)
            guard let bytes = FileBytes.readAt(fd, offset: at, count: want), !bytes.isEmpty else { return nil }
            if let i = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) { return at + i + 1 }
            at += bytes.count
        }
        if at >= range.upperBound { return range.upperBound }
        // No break: cut before the character `offset` is in (up to three continuation bytes back).
        let back = max(range.lowerBound, offset - 3)
        guard let head = FileBytes.readAt(fd, offset: back, count: offset - back + 1) else { return nil }
        var cut = head.count - 1
        while cut > 0, head[cut] & 0xC0 == 0x80 { cut -= 1 }
        return back + cut
    }

    /// What the workers of `parallelHit` share: the next piece to take, and the earliest piece with
    /// a match so far and its match.
    private final class Race: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0  // all under `lock`
        private var best = Int.max
        private var hit: LineScan.Hit?
        private var failed = false

        /// The next piece to scan, or nil when there is none left before the earliest match.
        func take(below count: Int) -> Int? {
            lock.withLock {
                guard !failed, next < count, next < best else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func found(_ piece: Int, _ match: LineScan.Hit) {
            lock.withLock {
                if piece < best { best = piece; hit = match }
            }
        }

        func fail() { lock.withLock { failed = true } }

        /// The earliest piece's match; nil when none was found or a piece could not be read.
        var answer: LineScan.Hit? { lock.withLock { failed ? nil : hit } }
    }
}
