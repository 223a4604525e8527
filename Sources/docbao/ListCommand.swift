import ArgumentParser
import DocBaoCore
import DocBaoStore
import Foundation

/// `docbao list`: the library on stdout.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the library: one article per line (id, progress, date, source, title).",
        usage: "docbao list [--json]")

    @Flag(help: "Print the articles as JSON.")
    var json = false

    @OptionGroup var libraryOption: LibraryOption

    func run() throws {
        let store = try LibraryAccess.open(libraryOption.library, command: "docbao list")
        let rows: [LibraryEntry]
        do { rows = try store.rows() } catch {
            throw Failure("docbao list: \(error)")
        }
        if json {
            Output.out(TerminalText(verbatim: try Self.json(rows) + "\n"))
            return
        }
        // The fields come from the library file, which another program may have written: neutralised.
        var out: TerminalText = ""
        for row in rows {
            let progress = row.progress.map { "\(ReadingProgress.percent($0))%" } ?? "new"
            // The date as the library view shows it; as written when it cannot be read.
            let date = row.date.map { LibraryDate.parse($0)?.label ?? $0 } ?? "-"
            out.append("\(row.id)\t\(progress)\t\(date)\t\(row.source ?? "-")\t\(row.title)\n")
        }
        Output.out(out)
    }

    struct Record: Encodable {
        var id: Int64
        var title: String
        var source: String?
        var date: String?
        var words: Int
        var progress: Double?
        var lastRead: Double?
        var added: Double

        // Absent values are written as null, so every record has every key.
        enum CodingKeys: String, CodingKey { case id, title, source, date, words, progress, lastRead, added }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(source, forKey: .source)
            try c.encode(date, forKey: .date)
            try c.encode(words, forKey: .words)
            try c.encode(progress, forKey: .progress)
            try c.encode(lastRead, forKey: .lastRead)
            try c.encode(added, forKey: .added)
        }
    }

    static func json(_ rows: [LibraryEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Neutralised as on the terminal: the JSON is read there too, and JSON escapes only C0 controls.
        let records = rows.map { Record(id: $0.id, title: TerminalSafe.line($0.title), source: $0.source.map(TerminalSafe.line),
                                        date: $0.date.map(TerminalSafe.line), words: $0.words,
                                        progress: $0.progress, lastRead: $0.lastRead, added: $0.added) }
        return String(decoding: try encoder.encode(records), as: UTF8.self)
    }
}
