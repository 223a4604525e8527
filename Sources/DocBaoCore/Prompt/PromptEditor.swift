/// The line editor under every bottom-line prompt (the reader's search, the library's filter and
/// search): typing through the Telex/VNI composer, the matching options, the history.
public struct PromptEditor: Equatable, Sendable {
    /// What a key did.
    public enum Outcome: Equatable, Sendable {
        /// The text or the options changed.
        case edited
        /// Enter.
        case commit
        /// Esc, or Backspace in an empty prompt.
        case cancel
        /// A key the editor does not use.
        case ignored
    }

    public var composer: TelexComposer
    public var options: SearchOptions
    /// The history entry shown while browsing with ↑/↓ (an index into the history), and what had
    /// been typed before browsing began.
    public var historyIndex: Int?
    public var draft = ""

    public init(defaults: Prompt.Defaults, text: String = "") {
        composer = TelexComposer(method: defaults.inputMethod, placement: defaults.placement)
        composer.setText(text)
        options = defaults.options
    }

    public var text: String { composer.text }

    /// What the editor leaves for the next prompt: the options and the input method used last.
    public var defaults: Prompt.Defaults {
        Prompt.Defaults(options: options, inputMethod: composer.method, placement: composer.placement)
    }

    /// The modes shown at the right of the prompt, e.g. "thông minh · cả từ · Telex".
    public var modeLabel: String { Prompt.modeLabel(options, composer.method) }

    /// The editing keys every prompt has, for the help screens (each screen adds what its Enter,
    /// Esc and C-u do); `apply` handles exactly these.
    public static let editingKeys: [(keys: String, help: String)] = [
        ("Tab", "chế độ thông minh ↔ chính xác"),
        ("C-w", "chỉ tìm cả từ (bật/tắt)"),
        ("C-t", "kiểu gõ: tắt → Telex → VNI"),
        ("↑ ↓", "lịch sử tìm kiếm"),
    ]

    /// Applies a key: Enter, Esc, Backspace, Tab (smart ↔ exact), C-w (whole words), C-t (input
    /// method), C-u (clear), ↑/↓ (`history`, oldest first), or a character typed.
    public mutating func apply(_ key: Key, history: [String]) -> Outcome {
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

    /// Sets the text as if typed (a search given on the command line).
    public mutating func setText(_ text: String) { composer.setText(text) }

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
