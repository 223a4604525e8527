import ArgumentParser
import DocBaoCore
import DocBaoStore
import Foundation

/// `docbao remove ID…`: takes articles out of the library (their text, position and marks); the
/// files they were added from are not touched.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove articles from the library by their ids (docbao list); your files are not touched.",
        usage: "docbao remove ID...",
        discussion: "Each removed article is named on stdout; an id the library does not have is said on stderr, and the exit status is then 1.")

    @Argument(help: ArgumentHelp("The ids of the articles to remove, as docbao list prints them.", valueName: "id"))
    var ids: [String] = []

    @OptionGroup var libraryOption: LibraryOption

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give the ids of the articles to remove (docbao list shows them)") }
    }

    func run() throws {
        var problems: [TerminalText] = []
        var wanted: [Int64] = []
        for text in ids {
            if let id = Int64(text), id > 0 { wanted.append(id) } else {
                problems.append("docbao remove: \(text): not an article id (a number from docbao list)")
            }
        }
        let store = try LibraryAccess.open(libraryOption.library, command: "docbao remove")
        do {
            var titles: [Int64: String] = [:]
            for id in wanted { titles[id] = try store.title(id) }
            let removed = try store.remove(wanted.filter { titles[$0] != nil })
            var out: TerminalText = ""
            for id in removed { out.append("removed \(id)\t\(titles[id] ?? "")\n") }
            Output.out(out)
            var told = Set<Int64>()
            for id in wanted where titles[id] == nil && told.insert(id).inserted {
                problems.append("docbao remove: \(id): no such article in the library (docbao list shows the ids)")
            }
        } catch {
            throw Failure("docbao remove: \(error)")
        }
        if !problems.isEmpty { throw Failure(lines: problems, status: 1) }
    }
}
