import DocBaoCore
import DocBaoLoading
import Foundation

/// The scan of a huge file's middle for a search while it loads (`Effect.scanMiddle`), on a thread
/// of its own: the frame with what the preview holds (a match in its tail, or none yet) is drawn at
/// once, and the middle's match comes when the scan finds it (`take`, asked by `ReaderScreen.poll`).
/// A newer search stops the one before at its next piece.
final class MiddleSearch: @unchecked Sendable {
    private let path: String
    private let result = Mailbox<MiddleHit>()
    private let lock = NSLock()
    private var stopped = false  // under `lock`

    init(path: String, _ scan: MiddleScan) {
        self.path = path
        let thread = Thread { [self] in
            let matcher = LineScan(Matcher(scan.query, options: scan.options))
            let find = scan.direction == .forward ? FileScan.firstHit : FileScan.lastHit
            // Every core: the import, niced, waits while the reader's search is looked for.
            let workers = min(4, ProcessInfo.processInfo.activeProcessorCount)
            guard let hit = find(path, scan.range, matcher, FileScan.pieceSize, workers, { self.isStopped }),
                  let window = FileScan.window(path: path, around: hit, in: scan.range),
                  !self.isStopped else { return }
            self.result.put(MiddleHit(scan: scan, line: hit.line.lowerBound, window: window.bytes))
        }
        thread.start()
    }

    /// The match and its window once found (once: later calls return nil).
    func take() -> MiddleHit? { result.take() }

    func stop() { lock.withLock { stopped = true } }

    private var isStopped: Bool { lock.withLock { stopped } }
}
