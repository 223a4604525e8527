import Testing
@testable import DocBaoCore

/// The event loop's contract, on a counter: j adds one, q quits, x asks the runner to say something.
@Suite struct EventLoopTests {
    struct Counter: Program {
        enum Message: Equatable { case add, quit, say(String), signal(Int32), resize(Size) }
        enum Effect: Equatable { case quit, say, end(Int32) }
        enum Outcome: Equatable { case quit, signal(Int32) }
        struct State: Equatable { var count = 0; var note = ""; var size = Size(width: 10, height: 2) }
        var performed: [Effect] = []

        func message(for event: InputEvent, in state: State) -> Message? {
            switch event {
            case .key(.char("j")): return .add
            case .key(.char("q")): return .quit
            case .key(.char("x")): return .say("x")
            case .resize(let size): return .resize(size)
            default: return nil
            }
        }
        func message(forSignal signal: Int32) -> Message { .signal(signal) }
        func reduce(_ state: inout State, _ message: Message) -> [Effect] {
            switch message {
            case .add: state.count += 1
            case .quit: return [.quit]
            case .say("x"): return [.say]
            case .say(let text): state.note = text
            case .signal(let n): return [.end(n)]
            case .resize(let size): state.size = size
            }
            return []
        }
        func render(_ state: State) -> Frame {
            var frame = Frame(size: state.size)
            _ = frame.put("\(state.count) \(state.note)", x: 0, y: 0, style: .normal)
            return frame
        }
        mutating func perform(_ effect: Effect, in state: State) -> EffectResult<Message, Outcome> {
            performed.append(effect)
            switch effect {
            case .quit: return .finish(.quit)
            case .say: return .send([.say("said")])
            case .end(let n): return .finish(.signal(n))
            }
        }
    }

    @Test func keysTypedAheadMakeOneFrame() {
        let terminal = TestTerminal(size: Size(width: 10, height: 2), script: [
            .event(.key(.char("j"))), .event(.key(.char("j"))), .pause, .event(.key(.char("j"))), .event(.key(.char("q"))),
        ])
        var loop = EventLoop(Counter(), state: .init(), on: terminal)
        #expect(loop.run() == .quit)
        #expect(loop.state.count == 3)
        // The first screen, then one for the two keys before the pause; q ends the run before a frame.
        #expect(terminal.frames.map { $0.lines[0].trimmingSuffix() } == ["0", "2"])
    }

    @Test func aSignalIsAMessageThatEndsTheRun() {
        let terminal = TestTerminal(size: Size(width: 10, height: 2), script: [.event(.key(.char("j"))), .signal(15), .event(.key(.char("j")))])
        var loop = EventLoop(Counter(), state: .init(), on: terminal)
        #expect(loop.run() == .signal(15))
        #expect(loop.program.performed == [.end(15)])
        #expect(loop.state.count == 1, "keys after the signal are not read")
    }

    @Test func effectsAnswerWithMessagesAndResizeChangesTheScreen() {
        let terminal = TestTerminal(size: Size(width: 10, height: 2), script: [
            .event(.key(.char("x"))), .pause, .event(.resize(Size(width: 6, height: 1))), .pause,
        ])
        var loop = EventLoop(Counter(), state: .init(), on: terminal)
        #expect(loop.run() == .signal(TestTerminal.endOfScriptSignal), "a script that runs out ends like a lost terminal")
        #expect(terminal.frames[1].lines[0].trimmingSuffix() == "0 said")
        #expect(terminal.size == Size(width: 6, height: 1))
        #expect(terminal.screen?.size == Size(width: 6, height: 1))
    }
}

extension String {
    func trimmingSuffix() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
