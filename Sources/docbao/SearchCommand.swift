import ArgumentParser
import DocBaoCore
import DocBaoStore
import DocBaoLoading
import Foundation

/// `docbao search`: the library's full-text search, on stdout.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the full text of every article in the library (accents optional).",
        usage: "docbao search [--exact] [--word] [--json] [--limit <n>] [--color <when>] QUERY",
        discussion: """
        Matching is the reader's: "dau tranh" finds "đấu tranh", hòa = hoà, NFC = NFD. Inside \
        words too: "ệ" finds "Việt", "người" finds "giúpngười". Words are one \
        phrase; phrases in quotes must all be there, OR takes either side: \
        '"ngoai giao" "kinh te"', 'covid OR "dịch bệnh"'. Results are newest first: id, title, \
        number of hits and source, then the text around the first hit.

        Exit status: 0 when something matched, 1 when nothing did (or the library cannot be \
        used), 2 when the search failed.

        Example: docbao search "ngoai giao kinh te"
        """)

    @Argument(help: "What to look for.")
    var query: String

    @OptionGroup var matching: MatchingFlags

    @Flag(help: "Print the results as JSON (id, title, source, hits, offset, snippet).")
    var json = false

    @Option(help: "At most this many articles.")
    var limit = 50

    @Option(help: ArgumentHelp("Colour the matches: auto (on a terminal, unless NO_COLOR), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        Output.failureStatus = 2
        guard LibraryStore.isSearchable(query) else {
            throw Failure("docbao search: nothing to search for: the library is searched by words, and \(query.isEmpty ? "the query is empty" : "the query has no letter or digit")", status: 2)
        }
        let store = try LibraryAccess.open(libraryOption.library, command: "docbao search", failure: 2)
        let results: LibrarySearchResults
        do { results = try store.search(FileName.readable(query), options: matching.options, limit: max(1, limit)) } catch {
            throw Failure("docbao search: \(error)", status: 2)
        }
        if json {
            Output.out(TerminalText(verbatim: try Self.json(results) + "\n"))
        } else {
            let colored = color == .always || (color == .auto && Output.stdoutIsTerminal
                && Environment.colorsAllowed)
            var out: TerminalText = ""
            for hit in results.hits { out.append(Self.text(hit, color: colored)) }
            Output.out(out)
            if !results.complete { Output.error("docbao search: more articles match; --limit shows more") }
        }
        if results.hits.isEmpty { throw Failure.nothingMatched }
    }

    /// One result: its title, hits and source, then the snippet; the library's text neutralised
    /// (another program may have written the file), docbao's colour codes kept.
    static func text(_ hit: LibrarySearchHit, color: Bool) -> TerminalText {
        let count = hit.hits == 1 ? "1 hit" : "\(hit.hits) hits"
        let source: TerminalText = hit.source.map { " · \($0)" } ?? ""
        var title = StyledText(colored: color, neutralising: TerminalSafe.line)
        title.append(hit.title, in: .title)
        var snippet = StyledText(colored: color, neutralising: TerminalSafe.line)
        snippet.append(hit.snippet, highlighting: hit.highlights)
        // Each piece of the library's text was neutralised as it was written.
        return "\(hit.id)\t\(TerminalText(verbatim: title.text)) (\(count)\(source))\n\t\(TerminalText(verbatim: snippet.text))\n"
    }

    struct Record: Encodable {
        var id: Int64
        var title: String
        var source: String?
        var hits: Int
        var offset: Int
        var snippet: String

        // An article without a source has "source": null, so every record has every key.
        enum CodingKeys: String, CodingKey { case id, title, source, hits, offset, snippet }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(source, forKey: .source)
            try c.encode(hits, forKey: .hits)
            try c.encode(offset, forKey: .offset)
            try c.encode(snippet, forKey: .snippet)
        }
    }

    static func json(_ results: LibrarySearchResults) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Neutralised as on the terminal: the JSON is read there too, and JSON escapes only C0 controls.
        let records = results.hits.map { Record(id: $0.id, title: TerminalSafe.line($0.title), source: $0.source.map(TerminalSafe.line),
                                                hits: $0.hits, offset: $0.firstOffset, snippet: TerminalSafe.line($0.snippet)) }
        return String(decoding: try encoder.encode(records), as: UTF8.self)
    }
}
