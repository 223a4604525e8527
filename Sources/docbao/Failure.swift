import Foundation

/// How a command ends when it does not succeed: what stderr is told, and the exit status.
///
/// Every command throws a `Failure` rather than print its error and throw `ExitCode`; `runAsMain`
/// (the one way a command is run, `Subcommand.table`) prints its message once, through
/// `Output.error`, then exits with its status (`exit()`). ArgumentParser's own errors (an unknown
/// option, a bad value) are reported beside it, in `exitReporting`.
///
/// Not every status but 0 is an error, and those that are not are said by their constructor:
/// - `nothingMatched`: `grep` and `search` found nothing: status 1, nothing said (grep's 1).
/// - `stopped(by:)`: signal N stopped the work: status 128+N, as a shell reports a process killed
///   by it; the message says what was left (a repair's report), or is empty (the reader).
/// - `reported(status:)`: the reasons were printed as they came, interleaved with the output, one
///   per file among several (`add`'s skipped files, `grep`'s unreadable ones, `config`'s problems,
///   `library check`'s report), as grep does; only the status is left to give.
struct Failure: Error {
    /// One line or several for stderr, each "docbao…: reason"; empty when there is nothing to say.
    var message: TerminalText
    var status: Int32

    /// An error said in one message: "docbao: FILE: no such file" with status 1.
    init(_ message: TerminalText, status: Int32 = 1) {
        self.message = message
        self.status = status
    }

    /// An error said in several lines, in order, each a message of its own.
    init(lines: [TerminalText], status: Int32) {
        var message: TerminalText = ""
        for (i, line) in lines.enumerated() {
            if i > 0 { message.append("\n") }
            message.append(line)
        }
        self.init(message, status: status)
    }

    /// `grep` and `search` found nothing: status 1 and nothing said. Not an error (2 is theirs).
    static let nothingMatched = Failure("", status: 1)

    /// Signal `signal` stopped the work before it was done: status 128+N, as a shell would report.
    static func stopped(by signal: Int32, lines: [TerminalText] = []) -> Failure {
        Failure(lines: lines, status: 128 + signal)
    }

    /// The reasons were printed as they came, among the command's output: only the status is left.
    static func reported(status: Int32 = 1) -> Failure { Failure("", status: status) }

    /// Prints the message, if there is one, on stderr and ends the program with `status`.
    func exit() -> Never {
        if !message.text.isEmpty { Output.error(message) }
        Glibc.exit(status)
    }
}
