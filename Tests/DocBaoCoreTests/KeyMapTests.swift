import Testing
@testable import DocBaoCore

@Suite struct KeyMapTests {
    @Test func keyNamesReadBackTheirOwnNames() {
        for binding in KeyMap.defaultBindings {
            for key in binding.keys { #expect(Key(name: key.name) == key, "\(key.name)") }
        }
        #expect(Key(name: "Ctrl-d") == .ctrl("d"))
        #expect(Key(name: "F12") == .function(12))
        #expect(Key(name: "Up") == .up)
        #expect(Key(name: "Hyper-k") == nil && Key(name: "F13") == nil && Key(name: "") == nil)
    }

    @Test func remappingReplacesTheKeysAndTakesThemFromOtherActions() {
        let map = KeyMap().remapped([(.lineDown, [.char("x"), .char("k")])])
        #expect(map.action(for: .char("x"), focus: .article) == .lineDown)
        #expect(map.action(for: .char("k"), focus: .article) == .lineDown, "k now moves down")
        #expect(map.action(for: .char("j"), focus: .article) == nil, "j is no longer bound")
        #expect(map.action(for: .up, focus: .article) == .lineUp, "line-up keeps its other key")
        #expect(map.action(for: .char("k"), focus: .sidebar) == .sidebarUp, "another context is untouched")
    }
}
