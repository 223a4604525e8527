import Testing
@testable import DocBaoCore

/// The one line editor under the reader's search prompt and the library's filter and search.
@Suite struct PromptEditorTests {
    @Test func typesThroughTheInputMethodAndTogglesOptions() {
        var e = PromptEditor(defaults: Prompt.Defaults(inputMethod: .telex))
        for c in "ddaaus" { #expect(e.apply(.char(c), history: []) == .edited) }
        #expect(e.text == "đấu")
        #expect(e.apply(.tab, history: []) == .edited && e.options.mode == .exact)
        #expect(e.apply(.ctrl("w"), history: []) == .edited && e.options.wholeWord)
        #expect(e.apply(.ctrl("t"), history: []) == .edited && e.composer.method == .vni)
        #expect(e.defaults == Prompt.Defaults(options: e.options, inputMethod: .vni), "what the next prompt starts with")
        #expect(e.apply(.ctrl("u"), history: []) == .edited && e.text.isEmpty)
        #expect(e.apply(.backspace, history: []) == .cancel, "Backspace in an empty prompt closes it")
        #expect(e.apply(.function(5), history: []) == .ignored)
        #expect(e.apply(.enter, history: []) == .commit)
        #expect(e.apply(.escape, history: []) == .cancel)
    }

    @Test func browsesTheHistoryAndComesBackToTheDraft() {
        var e = PromptEditor(defaults: Prompt.Defaults(), text: "dra")
        let history = ["một", "hai"]
        #expect(e.apply(.up, history: history) == .edited && e.text == "hai")
        #expect(e.apply(.up, history: history) == .edited && e.text == "một")
        #expect(e.apply(.up, history: history) == .edited && e.text == "một", "stays at the oldest")
        #expect(e.apply(.down, history: history) == .edited && e.text == "hai")
        #expect(e.apply(.down, history: history) == .edited && e.text == "dra", "past the newest: what was typed")
        #expect(e.apply(.up, history: []) == .ignored, "no history: nothing to browse")
    }

    @Test func bothScreensHelpListsTheEditorsKeys() {
        for (keys, _) in PromptEditor.editingKeys {
            #expect(Reader.promptKeys.contains { $0.keys == keys })
            #expect(LibraryKeyMap.promptKeys.contains { $0.keys == keys })
        }
    }
}
