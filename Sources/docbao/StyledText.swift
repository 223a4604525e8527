import DocBaoCore
import DocBaoTerminal

/// Text coloured with SGR sequences for a terminal outside curses: the one writer of docbao's
/// styled output, `grep`'s and `search`'s highlighted matches and `--dump`'s lines in the theme's
/// looks (`Theme.sgr`), plain when not `colored`.
///
/// Foreign text goes in through `neutralise` (`search` neutralises each piece of the library's
/// text; `grep` and the dump write article text, cleaned when it was read); the colour codes are
/// docbao's own.
struct StyledText {
    /// The colours of `grep` and `search`: GNU grep's (GREP_COLORS ms=01;31, fn=35, ln=32, se=36),
    /// and bold for a search result's title.
    enum Color: String {
        case match = "\u{1B}[1;31m", fileName = "\u{1B}[35m", lineNumber = "\u{1B}[32m", separator = "\u{1B}[36m"
        case title = "\u{1B}[1m"
    }

    static let reset = "\u{1B}[0m"

    /// What has been written so far.
    private(set) var text = ""
    /// Whether colours are written (`--color`); without, only the text.
    let colored: Bool
    private let neutralise: ((String) -> String)?

    init(colored: Bool, neutralising neutralise: ((String) -> String)? = nil) {
        self.colored = colored
        self.neutralise = neutralise
    }

    /// The text written so far, taken out (a piece handed to `Output` as a long output goes on).
    mutating func take() -> String {
        defer { text = "" }
        return text
    }

    mutating func append<S: StringProtocol>(_ piece: S) {
        if let neutralise { text += neutralise(String(piece)) } else { text += piece }
    }

    /// `piece` in the look `sgr` (an SGR sequence; none when empty), then back to plain.
    mutating func append<S: StringProtocol>(_ piece: S, in sgr: String) {
        guard colored, !sgr.isEmpty else { return append(piece) }
        text += sgr
        append(piece)
        text += Self.reset
    }

    mutating func append<S: StringProtocol>(_ piece: S, in color: Color) { append(piece, in: color.rawValue) }

    /// Pieces each in its colour, one straight after the other, back to plain once at the end:
    /// grep's "NAME:LINE:".
    mutating func append(run pieces: [(String, Color)]) {
        guard colored else { return pieces.forEach { append($0.0) } }
        for (piece, color) in pieces {
            text += color.rawValue
            append(piece)
        }
        text += Self.reset
    }

    /// `line` with its matches (UTF-8 offsets, in order, apart) in the match colour.
    mutating func append(_ line: String, highlighting matches: [Range<Int>]) {
        guard colored else { return append(line) }
        let bytes = Array(line.utf8)
        var at = 0
        for match in matches {
            append(String(decoding: bytes[at..<match.lowerBound], as: UTF8.self))
            append(String(decoding: bytes[match], as: UTF8.self), in: .match)
            at = match.upperBound
        }
        append(String(decoding: bytes[at...], as: UTF8.self))
    }

    /// A line of an article's layout: its indent as spaces, its text in the look `sgr`, a line feed.
    mutating func append(_ line: LayoutLine, in sgr: String) {
        if !line.text.isEmpty {
            text += String(repeating: " ", count: line.indent)
            append(line.text, in: sgr)
        }
        text += "\n"
    }

    /// `--dump` and `export --format text`: the article's layout at `width` columns, each line in its
    /// role's look in `theme` (plain text without one), handed to `write` in pieces of about 64 KB
    /// as the blocks are laid out (a 100 MB article is printed holding one block's lines).
    /// `meta`: the line under the title (date, source, address), which `--dump` shows as the reader
    /// does; an export leaves it out, so that the text read back is the same article (its words only).
    static func dump(_ article: Article, width: Int, theme: Theme?, meta: Bool = true, to write: (String) -> Void) {
        var out = StyledText(colored: theme != nil)
        PlainTextDump.forEachLine(of: article, width: width, meta: meta) { line in
            out.append(line, in: theme.map { $0.sgr(Renderer.style(for: line.role)) } ?? "")
            if out.text.utf8.count >= 64 << 10 { write(out.take()) }
        }
        if !out.text.isEmpty { write(out.take()) }
    }
}
