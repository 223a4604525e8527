/// The library's bottom-line prompt: the title filter (`&`, `f`) or the full-text search (`/`).
/// Typing goes through the Telex/VNI composer, with the reader prompt's keys.
public struct LibraryPrompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Filters titles as you type.
        case filter
        /// Searches the articles' text on Enter.
        case search
    }

    /// What a key did to the prompt.
    enum Outcome: Equatable {
        /// The text or the options changed.
        case edited
        /// Enter.
        case commit
        /// Esc, or Backspace in an empty prompt.
        case cancel
        /// A key the prompt does not use.
        case ignored
    }

    public var kind: Kind
    public var composer: TelexComposer
    public var options: SearchOptions
    /// The history entry shown while browsing with ↑/↓, and what had been typed before.
    public var historyIndex: Int?
    public var draft = ""

    public init(kind: Kind, text: String = "", defaults: Prompt.Defaults = Prompt.Defaults()) {
        self.kind = kind
        composer = TelexComposer(method: defaults.inputMethod, placement: defaults.placement)
        composer.setText(text)
        options = defaults.options
    }

    public var text: String { composer.text }

    /// "&" for the filter, "/" for the search.
    public var marker: String { kind == .filter ? "&" : "/" }

    /// The modes as the prompt shows them, e.g. "thông minh · cả từ · Telex".
    public var modeLabel: String { Prompt.modeLabel(options, composer.method) }

    /// What the prompt keeps for the next one: options and input method.
    public var defaults: Prompt.Defaults {
        Prompt.Defaults(options: options, inputMethod: composer.method, placement: composer.placement)
    }

    /// Applies a key: Enter, Esc, Backspace, Tab (smart ↔ exact), C-w (whole words), C-t (input
    /// method), C-u (clear), ↑/↓ (`history`, oldest first), or a character typed.
    mutating func apply(_ key: Key, history: [String]) -> Outcome {
        switch key {
        case .escape: return .cancel
        case .enter: return .commit
        case .backspace:
            if text.isEmpty { return .cancel }
            composer.backspace()
        case .tab:
            options.mode = options.mode == .smart ? .exact : .smart
        case .ctrl("w"):
            options.wholeWord.toggle()
        case .ctrl("t"):
            let all = InputMethod.allCases
            composer.method = all[(all.firstIndex(of: composer.method)! + 1) % all.count]
        case .ctrl("u"):
            composer.clear()
        case .up, .down:
            guard !history.isEmpty else { return .ignored }
            browse(history, older: key == .up)
        case .char(let c) where !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }):
            composer.type(c)
        default:
            return .ignored
        }
        return .edited
    }

    private mutating func browse(_ history: [String], older: Bool) {
        if historyIndex == nil { draft = text }
        let current = historyIndex ?? history.count
        let next = older ? max(0, current - 1) : current + 1
        if next >= history.count {
            historyIndex = nil
            composer.setText(draft)
        } else {
            historyIndex = next
            composer.setText(history[next])
        }
    }
}
