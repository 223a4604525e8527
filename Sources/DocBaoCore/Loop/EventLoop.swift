/// The one run loop of every full-screen program: event → message → reduce → effects → render,
/// over any `TerminalBackend` (ncurses, or `TestTerminal` in tests).
///
/// Keys typed ahead are all handled before the next frame (one frame for the lot), signals are
/// checked between every two events, and the program is polled for outside news after every wait.
///
/// Inlinable so that it is specialised for each program in the module that runs it (the reader's
/// keys would otherwise go through unspecialised generic code, a little slower).
public struct EventLoop<P: Program> {
    public var program: P
    /// The program's state: read it after `run` to see how the run left it.
    public var state: P.State { current }
    /// The state itself, changed only through the program's reducer.
    @usableFromInline var current: P.State
    public let terminal: any TerminalBackend

    @inlinable
    public init(_ program: P, state: P.State, on terminal: any TerminalBackend) {
        self.program = program
        current = state
        self.terminal = terminal
    }

    /// Runs until an effect ends the run (quit, a signal, another screen), and returns its outcome.
    @inlinable
    public mutating func run() -> P.Outcome {
        if let outcome = draw() { return outcome }
        while true {
            if let outcome = takeSignal() { return outcome }
            // Block for the next event (waking to poll for signals and outside news), then drain
            // everything already typed before drawing.
            var next = terminal.nextEvent(timeout: program.waitTimeout(current))
            let news = program.poll(current)
            if let outcome = dispatch(news) { return outcome }
            guard next != nil || !news.isEmpty else { continue }  // idle: nothing to redraw
            while let event = next {
                if let message = program.message(for: event, in: current), let outcome = dispatch(message) {
                    return outcome
                }
                if let outcome = takeSignal() { return outcome }
                next = terminal.nextEvent(timeout: 0)
            }
            if let outcome = draw() { return outcome }
        }
    }

    /// Reduces `messages` in order; the outcome if one ends the run.
    @inlinable
    public mutating func dispatch(_ messages: [P.Message]) -> P.Outcome? {
        for message in messages {
            if let outcome = dispatch(message) { return outcome }
        }
        return nil
    }

    /// Reduces `message` and runs its effects in order; the messages an effect answers with are
    /// reduced before the next effect runs. The outcome if one ends the run.
    @inlinable
    public mutating func dispatch(_ message: P.Message) -> P.Outcome? {
        for effect in program.reduce(&current, message) {
            switch program.perform(effect, in: current) {
            case .done: break
            case .send(let answers): if let outcome = dispatch(answers) { return outcome }
            case .repaint: terminal.invalidate()
            case .finish(let outcome): return outcome
            }
        }
        return nil
    }

    /// A signal received, as a message through the reducer: the outcome it ends the run with.
    @usableFromInline
    mutating func takeSignal() -> P.Outcome? {
        guard let signal = terminal.takeSignal() else { return nil }
        return dispatch(program.message(forSignal: signal))
    }

    /// A frame: the state brought up to date, drawn, and drawn again if the frame met something to
    /// say.
    @usableFromInline
    mutating func draw() -> P.Outcome? {
        if let message = program.messageBeforeFrame(current), let outcome = dispatch(message) { return outcome }
        terminal.present(program.render(current))
        let after = program.messagesAfterFrame(current)
        guard !after.isEmpty else { return nil }
        if let outcome = dispatch(after) { return outcome }
        terminal.present(program.render(current))
        return nil
    }
}
