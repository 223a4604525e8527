import DocBaoCore
import Testing
@testable import DocBaoConfig

/// `[library-keys]`: the library view's actions remapped in the config file, reported like the
/// reader's `[keys]` (issue 14, item 3).
@Suite struct LibraryKeysConfigTests {
    @Test func libraryKeysAreReadApartFromTheReaders() {
        let (s, problems) = ConfigFile.parse("""
        [keys]
        quit = ["x"]
        [library-keys]
        quit = ["Q", "C-q"]
        filter = "F"
        """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(s.keys == [Settings.KeyOverride(action: .quit, keys: [.char("x")])])
        #expect(s.libraryKeys == [Settings.LibraryKeyOverride(action: .filter, keys: [.char("F")]),
                                  Settings.LibraryKeyOverride(action: .quit, keys: [.char("Q"), .ctrl("q")])])
        let map = LibraryKeyMap().remapped(s.libraryKeys.map { ($0.action, $0.keys) })
        #expect(map.action(for: .char("F")) == .filter && map.action(for: .char("f")) == nil)
        #expect(map.helpLines.map(\.text).contains { $0.hasPrefix("  F ") && $0.contains("lọc theo tên bài") },
                "the help shows the new key")
    }

    /// N and A (newsboat's keys for marking read) are the config's toggle-read and mark-all-read.
    @Test func theMarkingKeysCanBeRebound() {
        let (s, problems) = ConfigFile.parse("""
        [library-keys]
        toggle-read = ["x"]
        mark-all-read = "C-a"
        """)
        #expect(problems.isEmpty, "\(problems)")
        let map = LibraryKeyMap().remapped(s.libraryKeys.map { ($0.action, $0.keys) })
        #expect(map.action(for: .char("x")) == .toggleRead && map.action(for: .char("N")) == nil)
        #expect(map.action(for: .ctrl("a")) == .markAllRead && map.action(for: .char("A")) == nil)
        #expect(ConfigFile.defaultText().contains("# toggle-read = [\"N\"]"))
    }

    @Test func unknownActionsAndKeysAreReportedWithTheirLines() {
        let (s, problems) = ConfigFile.parse("""
        [library-keys]
        next-section = "]"
        open = "Hyper-o"
        search = "S"
        """)
        #expect(s.libraryKeys == [Settings.LibraryKeyOverride(action: .search, keys: [.char("S")])])
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems[0].message.contains("unknown action 'next-section'"), "a reader action is not a library one")
        #expect(problems[1].message.contains("unknown key name 'Hyper-o' for open"))
    }

    @Test func conflictsNameTheActionThatGetsTheKey() {
        let (_, problems) = ConfigFile.parse("""
        [library-keys]
        filter = ["x"]
        search = ["x"]
        """)
        #expect(problems.count == 1)
        // Overrides apply in the order of their names, as the reader's do: search's comes last and wins.
        #expect(problems.first?.line == 2)
        #expect(problems.first?.message == "\"x\" for filter is also bound to search (line 3), which gets it")
    }

    @Test func theSectionIsKnownToTheMessages() {
        let (_, problems) = ConfigFile.parse("[libary-keys]\nquit = \"q\"\n")
        #expect(problems.first?.message == "unknown section [libary-keys] (known: reader, search, keys, library-keys)")
    }

    @Test func theDefaultFileListsEveryLibraryActionAndRoundTrips() {
        let text = ConfigFile.defaultText()
        #expect(text.contains("\n[library-keys]\n"))
        for action in LibraryAction.allCases { #expect(text.contains("# \(action.rawValue) = "), "\(action) is listed") }
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasPrefix("# ") && line.contains(" = ") ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        let (s, problems) = ConfigFile.parse(uncommented)
        #expect(problems.isEmpty, "\(problems)")
        let remapped = LibraryKeyMap().remapped(s.libraryKeys.map { ($0.action, $0.keys) })
        for (a, b) in zip(remapped.bindings, LibraryKeyMap().bindings) {
            #expect(a.action == b.action && a.keys == b.keys, "\(a.action)")
        }
    }
}
