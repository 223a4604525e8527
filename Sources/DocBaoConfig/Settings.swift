import DocBaoCore

/// What the config file can set; nil where it says nothing (the command line or the default decides).
public struct Settings: Equatable, Sendable {
    public var readingWidth: Int?
    public var sidebar: Bool?
    public var theme: ThemeName?
    public var searchMode: SearchOptions.Mode?
    public var wholeWord: Bool?
    public var inputMethod: InputMethod?
    public var tones: TonePlacement?
    /// Actions bound to new keys, in the file's order.
    public var keys: [KeyOverride] = []

    public init() {}

    public struct KeyOverride: Equatable, Sendable {
        public var action: Action
        public var keys: [Key]
    }
}

/// Something wrong in the config file: where, and what. docbao still starts, without that setting.
public struct ConfigProblem: Equatable, Sendable, CustomStringConvertible {
    /// 1-based line in the file, when known.
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
