/// The library's bottom-line prompt: the title filter (`&`, `f`) or the full-text search (`/`).
/// Typing goes through the same editor as the reader's search prompt.
public struct LibraryPrompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Filters titles as you type.
        case filter
        /// Searches the articles' text on Enter.
        case search
    }

    public var kind: Kind
    /// What is typed, how it matches, the history being browsed.
    public var editor: PromptEditor

    public init(kind: Kind, text: String = "", defaults: Prompt.Defaults = Prompt.Defaults()) {
        self.kind = kind
        editor = PromptEditor(defaults: defaults, text: text)
    }

    public var text: String { editor.text }

    /// "&" for the filter, "/" for the search.
    public var marker: String { kind == .filter ? "&" : "/" }

    /// The modes as the prompt shows them, e.g. "thông minh · cả từ · Telex".
    public var modeLabel: String { editor.modeLabel }
}
