/// What a full-screen program needs from a terminal: its size, frames out, events and signals in.
/// The ncurses `Terminal` implements it for the real thing, `TestTerminal` in memory for tests.
public protocol TerminalBackend: AnyObject {
    /// The screen's size in columns and rows.
    var size: Size { get }
    /// Draws `frame` (only what changed reaches the screen).
    func present(_ frame: Frame)
    /// Forces a full repaint on the next `present` (Ctrl-L).
    func invalidate()
    /// The next input event, waiting at most `timeout` milliseconds (-1: forever, 0: only if one is
    /// pending). Nil on timeout or when a signal interrupted the wait.
    func nextEvent(timeout: Int32) -> InputEvent?
    /// The terminating signal received since last asked (SIGINT, SIGTERM, SIGHUP…), if any.
    func takeSignal() -> Int32?
    /// Writes a control sequence that shows nothing on the screen straight to the terminal: an OSC
    /// 52 clipboard request (y in the links list). The caller builds it from clean text only.
    func passThrough(_ sequence: String)
}

extension TerminalBackend {
    /// A backend without a terminal behind it has nowhere to send it.
    public func passThrough(_ sequence: String) {}
}
