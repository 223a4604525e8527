import ArgumentParser
import DocBaoCore

/// The matching options shared by `--search`, `grep`: smart by default.
struct MatchingFlags: ParsableArguments {
    @Flag(help: "Match case and accents exactly as typed (default: accent-insensitive where you leave accents out).")
    var exact = false

    @Flag(help: "Match whole words only (\"an\" does not match inside \"Thanh\").")
    var word = false

    var options: SearchOptions { SearchOptions(mode: exact ? .exact : .smart, wholeWord: word) }
}
