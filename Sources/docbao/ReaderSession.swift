import DocBaoCore
import DocBaoTerminal
import Foundation

/// The run loop: terminal events in, through the reducer, frames out. One path from key to screen.
struct ReaderSession {
    let article: Article
    let readingWidth: Int
    let notice: String?

    /// Runs until the user quits (status 0) or a terminating signal arrives (128 + signal number).
    func run() throws -> Int32 {
        let terminal: Terminal
        do {
            terminal = try Terminal(colors: ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true)
        } catch let error as Terminal.OpenError {
            FileHandle.standardError.write(Data("docbao: \(error.description)\n".utf8))
            return 1
        }
        defer { terminal.end() }

        var state = ReaderState(article: article, size: terminal.size, readingWidth: readingWidth)
        state.message = notice
        terminal.present(Renderer.render(state))
        while true {
            if let signal = terminal.takeSignal() { return 128 + signal }
            // Block for the next event (waking to check for signals), then drain everything already
            // typed before drawing, so keys typed ahead are all handled and drawn once.
            guard var event = terminal.nextEvent(timeout: 250) else { continue }
            while true {
                if let message = Reader.message(for: event, in: state) {
                    for effect in Reader.reduce(&state, message) {
                        switch effect {
                        case .quit: return 0
                        case .redrawAll: terminal.invalidate()
                        }
                    }
                }
                if terminal.takeSignal() != nil { break }
                guard let next = terminal.nextEvent(timeout: 0) else { break }
                event = next
            }
            terminal.present(Renderer.render(state))
        }
    }
}
