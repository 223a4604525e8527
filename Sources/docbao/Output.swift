import ArgumentParser
import DocBaoCore
import DocBaoLoading
import Foundation

/// What docbao writes to stdout and stderr: every message, name and printed article goes through here.
///
/// Text is a `TerminalText`, in which docbao's own words are written as they are and every foreign
/// value is neutralised (`TerminalSafe`), so a file name cannot set the terminal's title. Writing is
/// write(2): a write error on stdout (a full disk, a closed stdout) is reported as coreutils report
/// it, "docbao: write error: REASON", with status `failureStatus`; a closed pipe (`| head`) ends
/// the program quietly, as SIGPIPE does.
enum Output {
    static func out(_ text: TerminalText) { write(text.text, to: STDOUT_FILENO) }

    /// A message on stderr, as one line (a line feed is added if it has none).
    static func error(_ text: TerminalText) {
        write(text.text.hasSuffix("\n") ? text.text : text.text + "\n", to: STDERR_FILENO)
    }

    /// Text on stderr as it is, with no line feed added: a progress bar redrawn in place.
    static func status(_ text: TerminalText) { write(text.text, to: STDERR_FILENO) }

    static var stderrIsTerminal: Bool { Platform.isTerminal(STDERR_FILENO) }
    static var stdoutIsTerminal: Bool { Platform.isTerminal(STDOUT_FILENO) }

    /// The exit status after a write error on stdout: 1, or the command's status for errors (2 for
    /// `grep` and `search`, whose 1 means "nothing matched").
    nonisolated(unsafe) static var failureStatus: Int32 = 1

    /// Keeps file descriptors 0, 1 and 2 taken: when one is closed (`docbao list >&-`), the next file
    /// docbao opens would get it, and what is printed would be written into that file. A closed one
    /// gets /dev/null opened the wrong way round, so reading or writing it still fails with EBADF.
    static func holdStandardDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }

    private static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n >= 0 { done += n; continue }
                if errno == EINTR { continue }
                // A message that cannot be written to stderr has nowhere else to go.
                guard fd == STDOUT_FILENO else { return }
                failed(errno)
            }
        }
    }

    /// stdout cannot be written: a closed pipe ends the program as SIGPIPE would have (when it is
    /// ignored, write(2) says EPIPE instead); anything else is said on stderr.
    private static func failed(_ code: Int32) -> Never {
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        error("docbao: write error: \(String(cString: strerror(code)))")
        exit(failureStatus)
    }
}

/// Text for the terminal: the literal parts of `"docbao: \(path): \(reason)"` are docbao's own (its
/// words, its colour codes) and are kept; every interpolated value is foreign and is neutralised as
/// one line (`TerminalSafe.line`), or as lines with `\(lines: text)`. `TerminalText(article:)`
/// takes article text, cleaned when it was imported.
struct TerminalText: ExpressibleByStringInterpolation {
    fileprivate(set) var text: String

    init(stringLiteral literal: String) { text = literal }
    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    /// Article text cleaned by `TextSanitizer` (a dump, grep's lines, the JSON of a model), or text
    /// made of such text and docbao's own colour codes: printed as the reader shows it.
    init(article: String) { text = TerminalSafe.articleText(article) }

    /// Text written as it is: docbao's own (its help, its default config), or data made of
    /// cleaned text (an article's JSON, which keeps every character the model holds).
    init(verbatim: String) { text = verbatim }

    mutating func append(_ other: TerminalText) { text += other.text }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var text = ""

        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + 16 * interpolationCount) }

        mutating func appendLiteral(_ literal: String) { text += literal }

        /// A foreign value (a name, a path, a title, an error): on one line, neutralised.
        mutating func appendInterpolation(_ value: some Any) { text += TerminalSafe.line(String(describing: value)) }

        /// A foreign text of several lines (ArgumentParser's error with its usage): neutralised,
        /// its line feeds kept.
        mutating func appendInterpolation(lines value: some Any) { text += TerminalSafe.text(String(describing: value)) }

        /// Text that is already fit for the terminal.
        mutating func appendInterpolation(_ value: TerminalText) { text += value.text }
    }
}

extension ParsableCommand {
    /// `main(arguments)`, with what ArgumentParser prints (help, errors) written through `Output`.
    static func runAsMain(_ arguments: [String]) {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exitReporting(error)
        }
    }

    /// The one place a command's end is reported: a `Failure` said once and its status; otherwise
    /// `exit(withError:)` through `Output`: help on stdout as it is, an error on stderr neutralised
    /// (it may quote an argument, a file name), and ArgumentParser's exit status.
    static func exitReporting(_ error: Error) -> Never {
        if let failure = error as? Failure { failure.exit() }
        let code = exitCode(for: error)
        var message = fullMessage(for: error, columns: nil)
        // The error's own lines are kept, but an argument it quotes is shown on one line: a line
        // feed in it must not start a line that looks like docbao's.
        for argument in Main.rawArguments where argument.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            message = message.replacingOccurrences(of: argument, with: TerminalSafe.line(argument))
        }
        if !message.isEmpty {
            if code == .success { Output.out(TerminalText(verbatim: message + "\n")) } else { Output.error("\(lines: message)") }
        }
        Glibc.exit(code.rawValue)
    }
}
