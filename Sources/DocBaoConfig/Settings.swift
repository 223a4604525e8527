import DocBaoCore

/// What the config file can set; nil where it says nothing (the command line or the default decides).
public struct Settings: Equatable, Sendable {
    public var readingWidth: Int?
    public var sidebar: Bool?
    public var theme: ThemeName?
    public var align: ColumnAlign?
    public var copy: CopyMethod?
    public var searchMode: SearchOptions.Mode?
    public var wholeWord: Bool?
    public var inputMethod: InputMethod?
    public var tones: TonePlacement?
    /// Actions bound to new keys, in the order of their names (the order they are applied in:
    /// where two share a key, `ConfigFile` reports which gets it).
    public var keys: [KeyOverride] = []
    /// The library view's actions bound to new keys (`[library-keys]`), in the same order.
    public var libraryKeys: [LibraryKeyOverride] = []

    public init() {}

    public typealias KeyOverride = DocBaoConfig.KeyOverride<Action>
    public typealias LibraryKeyOverride = DocBaoConfig.KeyOverride<LibraryAction>
}

/// An action of a screen's key table bound by the config file to exactly these keys.
public struct KeyOverride<Action: KeyAction>: Equatable, Sendable {
    public var action: Action
    public var keys: [Key]

    public init(action: Action, keys: [Key]) {
        self.action = action
        self.keys = keys
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

extension ConfigProblem {
    /// How many problems are printed; the rest are counted (nobody reads ten thousand).
    public static let printedLimit = 20

    /// The lines that report `problems` in the file at `path`, "PATH:LINE: message; ignored": the
    /// first `limit`, then one saying how many more there are.
    public static func reportLines(_ problems: [ConfigProblem], path: String, limit: Int = printedLimit) -> [String] {
        var lines = problems.prefix(limit).map { p in
            "\(p.line.map { "\(path):\($0)" } ?? path): \(p.message); ignored"
        }
        let more = problems.count - lines.count
        if more > 0 { lines.append("\(path): and \(more) more problem\(more == 1 ? "" : "s") (not shown)") }
        return lines
    }
}
