import ArgumentParser
import Foundation

/// One subcommand of `docbao`: the words that name it, its command type, and how it runs.
///
/// `Subcommand.table` is the one list of them: `Main` dispatches on it, `docbao help NAME` finds the
/// help in it, the root's usage lines and its `subcommands:` (and so `--help`'s list and the shell
/// completions ArgumentParser writes) are made from it, and `Main.commandNames` are its first words.
/// Adding a subcommand (`feed`, `update`…) is one entry here plus its `ParsableCommand` type; a
/// command of two words (`library check`) is listed by ArgumentParser under its first word's.
struct Subcommand: Sendable {
    /// The words that name it: ["grep"], ["library", "check"].
    let words: [String]
    let command: any ParsableCommand.Type
    /// Runs it with the arguments after its words; by default its command parses and runs them.
    let run: @Sendable ([String]) -> Void

    init(_ words: String..., command: any ParsableCommand.Type, run: (@Sendable ([String]) -> Void)? = nil) {
        self.words = words
        self.command = command
        self.run = run ?? { command.runAsMain($0) }
    }

    /// Every subcommand, in the order of the root's usage lines.
    static let table: [Subcommand] = [
        // `docbao library [options]`: the reader's options, starting in the library view.
        Subcommand("library", command: LibraryCommand.self) { arguments in
            if arguments.isEmpty { ReaderOptions(libraryView: true).runAsMain() } else { DocBao.runAsMain(["--library-view"] + arguments) }
        },
        Subcommand("add", command: AddCommand.self),
        Subcommand("list", command: ListCommand.self),
        Subcommand("remove", command: RemoveCommand.self),
        Subcommand("search", command: SearchCommand.self),
        Subcommand("library", "check", command: LibraryCheckCommand.self),
        Subcommand("export", command: Export.self),
        Subcommand("grep", command: Grep.self),
        Subcommand("config", command: ConfigCommand.self),
        Subcommand("feed", command: FeedCommand.self),
        Subcommand("feed", "add", command: FeedAddCommand.self),
        Subcommand("feed", "list", command: FeedListCommand.self),
        Subcommand("feed", "remove", command: FeedRemoveCommand.self),
        Subcommand("feed", "show", command: FeedShowCommand.self),
        Subcommand("update", command: UpdateCommand.self),
    ]

    /// The subcommand `arguments` start with, the one of most words first, and the arguments after it.
    static func named(by arguments: [String]) -> (Subcommand, rest: [String])? {
        table.filter { arguments.starts(with: $0.words) }.max { $0.words.count < $1.words.count }
            .map { ($0, Array(arguments.dropFirst($0.words.count))) }
    }

    /// The command types under `words` (the root's: under []), for `CommandConfiguration.subcommands`.
    static func commands(under words: [String]) -> [any ParsableCommand.Type] {
        table.filter { $0.words.count == words.count + 1 && $0.words.starts(with: words) }.map(\.command)
    }

    /// The root's usage lines: the reader's, then each subcommand's own.
    static var usage: String {
        (["docbao [options] [FILE...|DIR|ID|URL]"] + table.compactMap { $0.command.configuration.usage }).joined(separator: "\n")
    }

    /// `docbao help NAME…`: the help of the subcommand named, the root's for any other name.
    ///
    /// The help is the command's own, as `docbao NAME --help` prints it (`DocBao.helpMessage(for:)`
    /// would offer the root's --version, which a subcommand does not take); a command with
    /// subcommands of its own is told the way to their help from the root (`docbao help library check`).
    static func help(_ arguments: [String]) {
        if let (subcommand, _) = named(by: arguments) {
            let name = subcommand.command.configuration.commandName ?? subcommand.words.last!
            let help = subcommand.command.helpMessage().replacingOccurrences(
                of: "See '\(name) help <subcommand>'",
                with: "See 'docbao help \(subcommand.words.joined(separator: " ")) <subcommand>'")
            Output.out(TerminalText(verbatim: help + "\n"))
        } else {
            DocBao.runAsMain(["--help"])
        }
    }
}
