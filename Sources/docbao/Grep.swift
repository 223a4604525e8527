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
            || (color == .auto && isatty(STDOUT_FILENO) != 0
                && Environment.colorsAllowed)
        var matched = false, failed = false
        var out = ""
        for file in files {
            let name = TerminalSafe.line(file)
            var lineCount = 0
            do {
                try ArticleLines.forEach(in: file, force: force) { n, line in
                    let ranges = matcher.matches(in: line)
                    guard !ranges.isEmpty else { return }
                    lineCount += 1
                    if !count { out += prefix(name, n, color) + (color ? highlighted(line, ranges) : line) + "\n" }
                    if out.utf8.count > 1 << 16 { Output.out(TerminalText(article: out)); out = "" }
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
            if count { out += (files.count > 1 ? "\(name):" : "") + "\(lineCount)\n" }
            matched = matched || lineCount > 0
            if out.utf8.count > 1 << 16 { Output.out(TerminalText(article: out)); out = "" }
        }
        Output.out(TerminalText(article: out))
        if failed { throw ExitCode(2) }
        if !matched { throw ExitCode(1) }
    }

    /// "NAME:LINE:" (the name when there are several files), `name` already neutralised.
    private func prefix(_ name: String, _ line: Int, _ color: Bool) -> String {
        let name = files.count > 1 ? name + ":" : ""
        return color ? "\u{1B}[35m\(name)\u{1B}[32m\(line)\u{1B}[36m:\u{1B}[0m" : "\(name)\(line):"
    }

    private func highlighted(_ line: String, _ ranges: [Range<Int>]) -> String {
        let bytes = Array(line.utf8)
        var result = "", at = 0
        for r in ranges {
            result += String(decoding: bytes[at..<r.lowerBound], as: UTF8.self)
            result += "\u{1B}[1;31m" + String(decoding: bytes[r], as: UTF8.self) + "\u{1B}[0m"
            at = r.upperBound
        }
        return result + String(decoding: bytes[at...], as: UTF8.self)
    }
}
