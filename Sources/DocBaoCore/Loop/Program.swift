/// A full-screen program as the event loop runs it (Bubble Tea's model, Elm's architecture):
/// backend events become messages, the reducer applies them to the state and asks for effects,
/// the effect runner does the I/O and answers with messages (or ends the run), and the state is
/// drawn into a `Frame`. The reader and the library view are two of them, run by one `EventLoop`.
///
/// Only `reduce` changes the state. Everything else reads it.
public protocol Program {
    associatedtype State
    associatedtype Message
    associatedtype Effect
    /// How a run ends (quit, a signal, another screen asked for…).
    associatedtype Outcome

    /// The message for a backend event (a key through the key table, a click, a resize), if any.
    func message(for event: InputEvent, in state: State) -> Message?
    /// The message a terminating signal becomes: its reducer asks for the run to end.
    func message(forSignal signal: Int32) -> Message
    /// Applies `message` to `state`: the only place the state changes. No I/O.
    func reduce(_ state: inout State, _ message: Message) -> [Effect]
    /// The screen for `state`. No I/O.
    func render(_ state: State) -> Frame
    /// Runs `effect` (I/O, saving, searching the library) and says what follows from it.
    mutating func perform(_ effect: Effect, in state: State) -> EffectResult<Message, Outcome>

    /// A message reduced before every frame (work deferred until the keys typed so far are all
    /// in), or nil.
    func messageBeforeFrame(_ state: State) -> Message?
    /// News from outside the loop since the last turn (background work done, a timer), asked after
    /// every wait for input.
    mutating func poll(_ state: State) -> [Message]
    /// Messages about what a frame just shown met (they cause another frame), asked after each frame.
    mutating func messagesAfterFrame(_ state: State) -> [Message]
    /// How long to wait for input before polling again, in milliseconds.
    func waitTimeout(_ state: State) -> Int32
}

/// What follows from running an effect.
public enum EffectResult<Message, Outcome> {
    /// Nothing more.
    case done
    /// These messages go back into the loop, in order (a search's results, a failure to tell the
    /// user about).
    case send([Message])
    /// Clear and repaint the whole terminal before the next frame.
    case repaint
    /// The run ends with this outcome.
    case finish(Outcome)
}

extension Program {
    public func messageBeforeFrame(_ state: State) -> Message? { nil }
    public mutating func poll(_ state: State) -> [Message] { [] }
    public mutating func messagesAfterFrame(_ state: State) -> [Message] { [] }
    public func waitTimeout(_ state: State) -> Int32 { 250 }
}
