import DocBaoCore
import Testing
@testable import DocBaoConfig

@Suite struct ConfigFileTests {
    @Test func aFullValidConfig() {
        let (s, problems) = ConfigFile.parse("""
        [reader]
        width = 72
        sidebar = false
        theme = "light"

        [search]
        mode = "exact"
        whole_word = true
        input = "telex"
        tones = "modern"

        [keys]
        line-down = ["x", "Down"]
        quit = "C-q"
        """)
        #expect(problems == [])
        #expect(s.readingWidth == 72 && s.sidebar == false && s.theme == .light)
        #expect(s.searchMode == .exact && s.wholeWord == true && s.inputMethod == .telex && s.tones == .modern)
        #expect(s.keys == [Settings.KeyOverride(action: .lineDown, keys: [.char("x"), .down]),
                           Settings.KeyOverride(action: .quit, keys: [.ctrl("q")])])
    }

    @Test func aPartialConfigLeavesTheRestToTheDefaults() {
        let (s, problems) = ConfigFile.parse("[reader]\nwidth = 60\n")
        #expect(problems.isEmpty)
        #expect(s.readingWidth == 60 && s.theme == nil && s.sidebar == nil && s.keys.isEmpty)
        #expect(ConfigFile.parse("").problems.isEmpty)
    }

    @Test func badTOMLIsReportedWithItsLine() {
        let (s, problems) = ConfigFile.parse("[reader]\nwidth = 60\ntheme = \"dark\n")
        #expect(s.readingWidth == 60 && s.theme == nil, "only the bad line is lost")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
    }

    @Test func mistakesAreReportedWithTheirLinesAndSkipped() {
        let (s, problems) = ConfigFile.parse("""
        [reader]
        width = "wide"
        theme = "purple"
        sidebar = true

        [keys]
        fly-away = ["f"]
        line-up = ["k", "Hyper-k"]
        top = 3

        [colours]
        x = 1
        """)
        #expect(s.sidebar == true, "the good settings are kept")
        #expect(s.keys == [Settings.KeyOverride(action: .lineUp, keys: [.char("k")])])
        let lines = Dictionary(grouping: problems, by: { $0.line ?? 0 })
        #expect(lines[2]?.first?.message.contains("width") == true)
        #expect(lines[3]?.first?.message.contains("theme") == true)
        #expect(lines[7]?.first?.message.contains("unknown action 'fly-away'") == true)
        #expect(lines[8]?.first?.message.contains("Hyper-k") == true)
        #expect(lines[9] != nil)
        #expect(lines[11]?.first?.message.contains("unknown section") == true)
        #expect(problems.count == 6)
    }

    /// The commented default file parses cleanly, and uncommented it binds exactly the default keys.
    @Test func theDefaultFileRoundTrips() {
        let text = ConfigFile.defaultText()
        #expect(ConfigFile.parse(text).problems.isEmpty)
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasPrefix("# ") && line.contains(" = ") ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        let (s, problems) = ConfigFile.parse(uncommented)
        #expect(problems.isEmpty, "\(problems)")
        #expect(s.readingWidth == 80 && s.theme == .auto && s.align == .center && s.searchMode == .smart && s.inputMethod == .off)
        let remapped = KeyMap().remapped(s.keys.map { ($0.action, $0.keys) })
        for (a, b) in zip(remapped.bindings, KeyMap().bindings) {
            #expect(a.action == b.action && a.keys == b.keys, "\(a.action)")
        }
        for action in Action.allCases { #expect(text.contains("# \(action.rawValue) = "), "\(action) is listed") }
    }
}
