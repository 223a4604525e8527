import DocBaoLoading
import ArgumentParser
import DocBaoCore
import Foundation

/// Prints the lines of articles that match a query, with the Vietnamese matcher, like grep.
struct Grep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the lines of articles that match a query (Vietnamese-aware, like grep).",
        usage: "docbao grep [--exact] [--word] [-c] QUERY FILE...",
        discussion: """
        Lines are the files' own lines, cleaned (NFC, controls made visible); a JSON article is
        read as the reader reads it, and the lines of its text are searched.
        Exit status: 0 when something matched, 1 when nothing did, 2 on an error.

        Examples:
          docbao grep "ngoai giao" bai-bao.txt   finds "ngoại giao", "Ngoại giao"
          docbao grep --word an *.txt            "an" as a word, not inside "Thanh"
          docbao grep --exact "Hòa" bai-bao.txt  case and accents as typed
        """)

    @Argument(help: "What to look for.")
    var query: String

    @Argument(help: "Articles to search ('-' for stdin).")
    var files: [String]

    @OptionGroup var matching: MatchingFlags

    @Flag(name: [.customShort("c"), .long], help: "Print only the number of matching lines per file.")
    var count = false

    @Flag(help: "Search files that look binary (NUL bytes) too; they are skipped with a message otherwise.")
    var force = false

    @Option(help: ArgumentHelp("Colour the matches: auto (on a terminal, unless NO_COLOR), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    func run() throws {
        Output.failureStatus = 2
        let matcher = Matcher(FileName.readable(query), options: matching.options)
        let color = color == .always
            || (color == .auto && Output.stdoutIsTerminal
                && Environment.colorsAllowed)
        var matched = false, failed = false
        var out = StyledText(colored: color)
        for file in files {
            let name = TerminalSafe.line(file)
            var lineCount = 0
            do {
                try ArticleLines.forEach(in: file, force: force) { n, line in
                    let ranges = matcher.matches(in: line)
                    guard !ranges.isEmpty else { return }
                    lineCount += 1
                    if !count {
                        out.append(run: [(files.count > 1 ? name + ":" : "", .fileName), (String(n), .lineNumber), (":", .separator)])
                        out.append(line, highlighting: ranges)
                        out.append("\n")
                    }
                    if out.text.utf8.count > 1 << 16 { Output.out(TerminalText(article: out.take())) }
                }
            } catch where error.binary {
                Output.error("docbao grep: \(file): binary file (NUL bytes), skipped; --force searches it")
                matched = matched || lineCount > 0  // lines before the first NUL byte were printed
                continue
            } catch {
                Output.error("docbao grep: \(file): \(error)")
                failed = true
                continue
            }
            if count { out.append((files.count > 1 ? "\(name):" : "") + "\(lineCount)\n") }
            matched = matched || lineCount > 0
            if out.text.utf8.count > 1 << 16 { Output.out(TerminalText(article: out.take())) }
        }
        Output.out(TerminalText(article: out.text))
        if failed { throw Failure.reported(status: 2) }  // each unreadable file was named as it came
        if !matched { throw Failure.nothingMatched }
    }
}
