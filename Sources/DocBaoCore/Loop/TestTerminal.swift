/// An in-memory terminal for tests (as ratatui's `TestBackend`): input comes from a script of
/// events, pauses and signals; the frames the program presents are kept, the last one as the screen.
public final class TestTerminal: TerminalBackend {
    /// One step of what the user (or the system) does.
    public enum Input: Equatable, Sendable {
        /// An event: a key, a click, a resize (which also changes `size`, as a real terminal's does).
        case event(InputEvent)
        /// The user stops typing: a wait for input times out here, and keys typed before it are
        /// drawn before the keys after it.
        case pause
        /// A signal arrives (SIGTERM is 15): the wait is interrupted and `takeSignal` reports it.
        case signal(Int32)
    }

    public private(set) var size: Size
    /// Every frame presented, oldest first.
    public private(set) var frames: [Frame] = []
    /// How many times a full repaint was asked for (`invalidate`).
    public private(set) var invalidations = 0
    /// What is still to come, in order.
    public private(set) var script: [Input]
    private var next = 0
    private var signal: Int32?
    /// The signal reported once the script has run out, so that a test whose script forgets to quit
    /// ends (like a terminal that went away) instead of waiting for ever: SIGHUP.
    public static let endOfScriptSignal: Int32 = 1

    public init(size: Size, script: [Input] = []) {
        self.size = size
        self.script = script
    }

    /// Appends to the script.
    public func send(_ inputs: [Input]) { script += inputs }

    /// Appends key presses to the script.
    public func type(_ keys: [Key]) { script += keys.map { .event(.key($0)) } }

    /// The screen: the last frame presented (nil before the first).
    public var screen: Frame? { frames.last }

    /// The screen's rows as text (wide characters once, right halves skipped).
    public var lines: [String] { screen?.lines ?? [] }

    /// Whether the script has been used up.
    public var finished: Bool { next >= script.count }

    public func present(_ frame: Frame) { frames.append(frame) }

    public func invalidate() { invalidations += 1 }

    /// Every sequence passed through to the terminal (OSC 52 clipboard requests), oldest first.
    public private(set) var passedThrough: [String] = []

    public func passThrough(_ sequence: String) { passedThrough.append(sequence) }

    public func nextEvent(timeout: Int32) -> InputEvent? {
        guard next < script.count else {
            if signal == nil, timeout != 0 { signal = Self.endOfScriptSignal }
            return nil
        }
        switch script[next] {
        case .event(let event):
            next += 1
            if case .resize(let newSize) = event { size = newSize }
            return event
        case .pause:
            if timeout != 0 { next += 1 }  // the wait times out; nothing pending for a drain
            return nil
        case .signal(let n):
            next += 1
            signal = n
            return nil
        }
    }

    public func takeSignal() -> Int32? {
        defer { signal = nil }
        return signal
    }
}
