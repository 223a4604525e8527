import DocBaoCore
import Testing
@testable import DocBaoConfig

/// A TOML mistake costs only its own setting; problems come in line order, conflicting bindings are
/// reported, and a flood of problems is cut short when printed (issue 15, items 9 and 13).
@Suite struct ConfigRecoveryTests {
    @Test func aSyntaxErrorCostsOnlyItsLine() {
        let (s, problems) = ConfigFile.parse("[reader]\nwidth = 40\ntheme = \"dark\nsidebar = false\n")
        #expect(s.readingWidth == 40 && s.sidebar == false && s.theme == nil)
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.hasPrefix("not valid TOML") == true)
    }

    @Test func syntaxErrorsInSeveralSectionsAreEachSkipped() {
        let (s, problems) = ConfigFile.parse("""
        [reader]
        width = = 50
        theme = "light"
        [search]
        mode = exact
        input = "telex"
        [keys]
        quit = ["q" "x"]
        top = ["T"]
        """)
        #expect(s.theme == .light && s.inputMethod == .telex && s.readingWidth == nil && s.searchMode == nil)
        #expect(s.keys == [Settings.KeyOverride(action: .top, keys: [.char("T")])])
        #expect(problems.map(\.line) == [2, 5, 8])
    }

    @Test func multiLineArraysAndStringsStillWork() {
        let (s, problems) = ConfigFile.parse("""
        [reader]
        theme = \"\"\"
        light\"\"\"
        [keys]
        line-down = [
            "x",     # a comment with a ] in it
            "Down",
        ]
        quit = ['''Q''',
                "C-q"]
        """)
        #expect(problems == [])
        #expect(s.theme == .light)
        #expect(s.keys == [Settings.KeyOverride(action: .lineDown, keys: [.char("x"), .down]),
                           Settings.KeyOverride(action: .quit, keys: [.char("Q"), .ctrl("q")])])
    }

    @Test func aMistakeInsideAMultiLineArrayCostsThatSetting() {
        let (s, problems) = ConfigFile.parse("[keys]\nline-down = [\n  \"x\",\n  oops,\n]\nquit = [\"Q\"]\n")
        #expect(s.keys == [Settings.KeyOverride(action: .quit, keys: [.char("Q")])])
        #expect(problems.map(\.line) == [4])
    }

    @Test func anUnclosedArrayDoesNotSwallowTheSettingsAfterIt() {
        let (s, problems) = ConfigFile.parse("[keys]\nquit = [\"Q\"\nline-up = [\"K\"]\n[reader]\nwidth = 50\n")
        #expect(s.readingWidth == 50)
        #expect(s.keys == [Settings.KeyOverride(action: .lineUp, keys: [.char("K")])])
        #expect(problems.count == 1 && problems.first?.line == 2)
    }

    @Test func anUnclosedMultiLineStringCostsOnlyItsLine() {
        let (s, problems) = ConfigFile.parse("[reader]\ntheme = \"\"\"dark\nwidth = 50\n[search]\nmode = \"exact\"\n")
        #expect(s.readingWidth == 50 && s.searchMode == .exact && s.theme == nil)
        #expect(problems.map(\.line) == [2])
    }

    @Test func aBrokenSectionHeaderIsReported() {
        let (s, problems) = ConfigFile.parse("[reader\nwidth = 50\n[search]\nmode = \"exact\"\n")
        #expect(s.searchMode == .exact)
        #expect(problems.first?.line == 1)
    }

    @Test func windowsLineEndsKeepTheLineNumbers() {
        let (s, problems) = ConfigFile.parse("[reader]\r\nwidth = 40\r\ntheme = 5\r\n[search]\r\nmode = \"\"\"\r\nexact\"\"\"\r\n")
        #expect(s.readingWidth == 40 && s.searchMode == .exact)
        #expect(problems.map(\.line) == [3])
    }

    /// toml++ stops the program on an assertion (debug) or assumes the impossible (release) for a
    /// header whose name starts with anything but a key character or a quote.
    @Test func aSectionNameTOMLCannotStartIsAProblemNotACrash() {
        for header in ["[!]", "[é]", "[\u{301}]", "[ =]", "[[#]]", "[[[a]]]", "  [\t+x]"] {
            let (s, problems) = ConfigFile.parse("\(header)\nwidth = 1\n[reader]\nwidth = 50\n")
            #expect(s.readingWidth == 50, "\(header)")
            #expect(problems.map(\.line) == [1], "\(header)")
            #expect(problems.first?.message.hasPrefix("not valid TOML") == true)
        }
    }

    @Test func dottedKeysAndInlineTablesAreSettingsToo() {
        let (s, problems) = ConfigFile.parse("reader.width = 44\nsearch = { mode = \"exact\", tones = \"modern\" }\n")
        #expect(problems == [])
        #expect(s.readingWidth == 44 && s.searchMode == .exact && s.tones == .modern)
    }

    @Test func aSettingWrittenTwiceKeepsTheFirst() {
        let (s, problems) = ConfigFile.parse("[reader]\nwidth = 40\nwidth = 60\n")
        #expect(s.readingWidth == 40)
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.contains("line 2") == true)
    }

    @Test func problemsComeInLineOrder() {
        // TOML tables are kept sorted by name: [reader] and "mode" would come first without sorting.
        let (_, problems) = ConfigFile.parse("""
        [search]
        tones = "sideways"
        mode = "fuzzy"
        [reader]
        width = 3
        [keys]
        zz = ["z"]
        aa = ["a"]
        """)
        #expect(problems.map(\.line) == [2, 3, 5, 7, 8])
    }

    @Test func aKeyBoundToTwoActionsIsReportedWithTheActionThatGetsIt() throws {
        let (s, problems) = ConfigFile.parse("[keys]\nquit = [\"j\"]\nline-down = [\"j\", \"x\"]\n")
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        let map = KeyMap().remapped(s.keys.map { ($0.action, $0.keys) })
        let winner = try #require(map.action(for: .char("j"), focus: .article))
        #expect([Action.quit, .lineDown].contains(winner))
        let loser: Action = winner == .quit ? .lineDown : .quit
        let lines: [Action: Int] = [.quit: 2, .lineDown: 3]
        #expect(problem.line == lines[loser])
        #expect(problem.message.contains("\"j\""))
        #expect(problem.message.contains("\(loser.rawValue)") && problem.message.contains("\(winner.rawValue) (line \(lines[winner]!))"))
        // The key that is not shared works.
        #expect(map.action(for: .char("x"), focus: .article) == .lineDown)
    }

    @Test func oneKeyInDifferentContextsIsNoConflict() {
        // line-down answers with the article focused, sidebar-down with the sidebar focused.
        let (_, problems) = ConfigFile.parse("[keys]\nline-down = [\"x\"]\nsidebar-down = [\"x\"]\n")
        #expect(problems == [])
    }

    /// Files cut together from pieces of TOML, broken anywhere: parsing never traps, every problem
    /// has a line in the file, and where no string is left open, a good section after the mess is read.
    @Test func anyMessBeforeAGoodSectionLeavesItRead() {
        let pieces = ["[reader]", "[keys]", "[", "]", "\"", "'", "\"\"\"", "'''", "{", "}", "=", "x", " = ",
                      "[\"j\",", "# c", "\\", "1", "\n", "\n", "\r\n", "width", "\u{301}", ",", ".", "!", "é", "[["]
        var state: UInt64 = 15
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<20 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let lineCount = text.unicodeScalars.filter { $0 == "\n" }.count + 1
            let (_, problems) = ConfigFile.parse(text)
            #expect(problems.allSatisfy { ($0.line ?? 1) >= 1 && ($0.line ?? 1) <= lineCount }, "\(text.debugDescription)")
            guard !text.contains("\""), !text.contains("'") else { continue }
            let (s, _) = ConfigFile.parse(text + "\n[reader]\nsidebar = false\n")
            #expect(s.sidebar == false, "\(text.debugDescription)")
        }
    }

    @Test func aLongListOfProblemsIsCutShortWhenPrinted() {
        let problems = (1...25).map { (n: Int) in ConfigProblem(line: n, message: "unknown setting 'k\(n)'") }
        let lines = ConfigProblem.reportLines(problems, path: "/c.toml")
        #expect(lines.count == 21)
        #expect(lines.first == "/c.toml:1: unknown setting 'k1'; ignored")
        #expect(lines[19] == "/c.toml:20: unknown setting 'k20'; ignored")
        #expect(lines.last == "/c.toml: and 5 more problems (not shown)")
        #expect(ConfigProblem.reportLines(Array(problems.prefix(20)), path: "/c.toml").count == 20)
        #expect(ConfigProblem.reportLines([ConfigProblem(line: nil, message: "is not UTF-8 text")], path: "/c.toml")
                == ["/c.toml: is not UTF-8 text; ignored"])
    }

    @Test func manyUnknownKeysAreEachReportedOnTheirOwnLine() {
        let text = "[reader]\n" + (0..<300).map { "k\($0) = 1\n" }.joined()
        let (_, problems) = ConfigFile.parse(text)
        #expect(problems.map(\.line) == Array(2...301))
        #expect(problems[5].message == "unknown setting 'k5' in [reader] (known: width, sidebar, theme, align, copy)")
    }
}
