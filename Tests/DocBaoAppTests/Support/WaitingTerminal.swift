import DocBaoCore
import Foundation

/// An in-memory terminal whose script can wait for the screen: background work (an update) is
/// polled by the loop while a `.until` step holds the keys back, until a frame meets its condition
/// (or 30 seconds pass: then `timedOut` names it and the run ends as at the end of a script).
final class WaitingTerminal: TerminalBackend {
    enum Step {
        case key(Key)
        /// Wait until the last frame presented meets the condition (which may act, once, when it does).
        case until(String, (Frame) -> Bool)
    }

    let size: Size
    private(set) var frames: [Frame] = []
    private var steps: [Step]
    private var next = 0
    private var deadline: Date?
    private var signal: Int32?
    /// The wait that never came true, if one did not.
    private(set) var timedOut: String?

    init(size: Size, _ steps: [Step]) {
        self.size = size
        self.steps = steps
    }

    static func keys(_ spec: String) -> [Step] { spec.split(separator: " ").map { .key(Key(name: String($0))!) } }

    var lines: [String] { frames.last?.lines ?? [] }

    func present(_ frame: Frame) { frames.append(frame) }
    func invalidate() {}

    func nextEvent(timeout: Int32) -> InputEvent? {
        guard next < steps.count else {
            if timeout != 0 { signal = TestTerminal.endOfScriptSignal }
            return nil
        }
        switch steps[next] {
        case .key(let key):
            next += 1
            return .key(key)
        case .until(let what, let condition):
            if let frame = frames.last, condition(frame) {
                next += 1
                deadline = nil
                return nil
            }
            guard timeout != 0 else { return nil }
            let end = deadline ?? Date().addingTimeInterval(30)
            deadline = end
            if Date() > end {
                timedOut = what
                next = steps.count
                return nil
            }
            usleep(useconds_t(min(max(timeout, 1), 20)) * 1000)
            return nil
        }
    }

    func takeSignal() -> Int32? {
        defer { signal = nil }
        return signal
    }
}
