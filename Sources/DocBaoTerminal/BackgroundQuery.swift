import DocBaoCore
import Glibc

/// Asks the terminal for its background colour (OSC 11) before curses starts, for `theme = "auto"`.
///
/// The question is followed by a device-attributes request (DA1), which every terminal answers, and
/// answers after OSC 11 when it knows it: its answer ends the wait at once, so a terminal that ignores
/// OSC 11 costs one round trip, not the timeout, which is left only for a terminal that answers
/// neither. Echo is off while waiting (no answer reaches the screen), and whatever the user typed
/// meanwhile is kept and handed back (`typed`) to be read as keys. When the timeout comes first,
/// `pending` goes on reading the answers out of the keys (`Terminal`), so a late one is never keys.
enum BackgroundQuery {
    struct Result {
        var background: TerminalBackground?
        /// Bytes read that were not part of an answer: keys typed ahead.
        var typed: [UInt8]
        /// The answers still due, or half read, when the wait ended; nil when DA1 has come.
        var pending: TerminalAnswers?
    }

    /// How long to wait for a terminal that answers neither question: `DOCBAO_TEST_QUERY_WAIT_MS`
    /// (for tests only: a long wait shows that DA1 ends it), else 200 ms.
    static var defaultTimeout: Int {
        getenv("DOCBAO_TEST_QUERY_WAIT_MS").flatMap { Int(String(cString: $0)) } ?? 200
    }

    static func ask(input: Int32, output: Int32, timeoutMilliseconds: Int = defaultTimeout) -> Result {
        guard isatty(input) != 0, isatty(output) != 0 else { return Result(background: nil, typed: [], pending: nil) }
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return Result(background: nil, typed: [], pending: nil) }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        raw.c_cc.6 = 0  // VMIN
        raw.c_cc.5 = 0  // VTIME
        guard tcsetattr(input, TCSANOW, &raw) == 0 else { return Result(background: nil, typed: [], pending: nil) }
        defer { tcsetattr(input, TCSANOW, &saved) }  // TCSANOW: keys typed after stay queued
        let question = Array("\u{1B}]11;?\u{1B}\\\u{1B}[c".utf8)
        guard question.withUnsafeBytes({ write(output, $0.baseAddress, $0.count) }) == question.count else {
            return Result(background: nil, typed: [], pending: nil)
        }
        var answers = TerminalAnswers()
        var typed: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        var deadline = now() + Double(timeoutMilliseconds) / 1000
        var extended = false
        while !answers.complete {
            var left = Int32(max(0, (deadline - now()) * 1000))
            if left == 0, !answers.isIdle, !extended {
                // An answer (or ESC [ typed) is half read: its rest is coming; wait for it once more.
                extended = true
                deadline = now() + Double(timeoutMilliseconds) / 1000
                left = Int32(timeoutMilliseconds)
            }
            guard left > 0 else { break }
            var fd = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fd, 1, left)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { break }
            let n = read(input, &chunk, chunk.count)
            guard n > 0 else { break }
            for byte in chunk[..<n] {
                typed += answers.feed(UInt32(byte)).map { UInt8(truncatingIfNeeded: $0) }
            }
        }
        let background = answers.osc11.flatMap(TerminalBackground.osc11)
        // What is held now (a lone ESC or ESC [ typed, or an answer cut for good) is let go, so that
        // the keys handed back come in the order typed and none is taken into an answer's rest.
        typed += answers.flush().map { UInt8(truncatingIfNeeded: $0) }
        return Result(background: background, typed: typed, pending: answers.complete ? nil : answers)
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
