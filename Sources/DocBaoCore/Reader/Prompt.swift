/// The reader's search prompt on the bottom line: the editor (what is typed, how it matches), the
/// direction, and where the view was when it opened, to go back there on Esc.
public struct Prompt: Equatable, Sendable {
    /// What a new prompt starts with: the options and input method used last.
    public struct Defaults: Equatable, Sendable {
        public var options = SearchOptions()
        public var inputMethod: InputMethod = .off
        public var placement: TonePlacement = .traditional

        public init(options: SearchOptions = SearchOptions(), inputMethod: InputMethod = .off,
                    placement: TonePlacement = .traditional) {
            self.options = options
            self.inputMethod = inputMethod
            self.placement = placement
        }
    }

    public var direction: SearchDirection
    /// What is typed, how it matches, the history being browsed.
    public var editor: PromptEditor
    /// Where the top line was in the text when the prompt opened (survives a resize)…
    public var origin: SourcePosition
    /// …and the line itself with the width it was laid out at, to go back exactly when the width
    /// has not changed.
    public var originLine: LinePosition
    public var originWidth: Int
    /// The search that was active before, restored by Esc.
    public var previous: SearchState?

    public init(direction: SearchDirection, defaults: Defaults, origin: SourcePosition, originLine: LinePosition,
                originWidth: Int, previous: SearchState?) {
        self.originLine = originLine
        self.originWidth = originWidth
        self.direction = direction
        editor = PromptEditor(defaults: defaults)
        self.origin = origin
        self.previous = previous
    }

    public var text: String { editor.text }

    /// The prompt's marker: "/" for a forward search, "?" for a backward one.
    public var marker: String { direction == .forward ? "/" : "?" }

    /// The modes shown at the right of the prompt, e.g. "thông minh · cả từ · Telex".
    public var modeLabel: String { editor.modeLabel }

    /// "thông minh · cả từ · Telex": the matching mode, whole words, the input method.
    public static func modeLabel(_ options: SearchOptions, _ method: InputMethod) -> String {
        var parts = [options.mode.label]
        if options.wholeWord { parts.append("cả từ") }
        switch method {
        case .off: break
        case .telex: parts.append("Telex")
        case .vni: parts.append("VNI")
        }
        return parts.joined(separator: " · ")
    }
}
