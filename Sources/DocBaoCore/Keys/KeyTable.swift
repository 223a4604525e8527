/// A screen's one table of key bindings (Helix's keymap, Bubbles' `key.Binding`): it drives
/// dispatch, draws the help screen and the status line's reminder, and takes the config file's
/// remappings. The reader's is `KeyMap`, the library view's `LibraryKeyMap`.
///
/// `Action` is constrained only where the table is used, not on the type: the runtime then makes
/// the table's type without looking the conformance up among the binary's ~6,400 records, a scan
/// that cost 0.3 M instructions per table on the way to the first screen (Benchmarks/NOTES.md,
/// "What start-up is made of", step 6).
public struct KeyTable<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]
}

extension KeyTable where Action: KeyAction {
    public init(bindings: [KeyBinding<Action>] = Action.defaultBindings) {
        self.bindings = bindings
    }

    /// The screen's keys as they are until the config file says otherwise.
    public static var defaultBindings: [KeyBinding<Action>] { Action.defaultBindings }

    /// The action bound to `key` in `context`, bindings specific to it first, then those for any.
    public func action(for key: Key, in context: KeyContext = .any) -> Action? {
        if context != .any, let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b.action }
        return bindings.first(where: { $0.context == .any && $0.keys.contains(key) })?.action
    }

    /// Every key bound to `action`, in table order.
    public func keys(for action: Action) -> [Key] {
        bindings.filter { $0.action == action }.flatMap(\.keys)
    }

    /// The table with each overridden action bound to exactly the given keys (in every context the
    /// action has). A key taken by an override is removed from the other actions of the same
    /// context, so the user's binding wins.
    public func remapped(_ overrides: [(action: Action, keys: [Key])]) -> KeyTable {
        var result = bindings
        for (action, keys) in overrides {
            let contexts = Set(result.filter { $0.action == action }.map(\.context))
            let taken = Set(keys)
            for i in result.indices {
                if result[i].action == action {
                    result[i].keys = keys
                } else if contexts.contains(result[i].context) || contexts.contains(.any) {
                    result[i].keys.removeAll { taken.contains($0) }
                }
            }
        }
        return KeyTable(bindings: result)
    }

    /// How far `key` scrolls an open help screen: the keys of `lineDown` and `lineUp`, but Enter,
    /// which closes it like every other key. Nil for a key that closes it.
    public func helpScroll(for key: Key) -> Int? {
        guard key != .enter else { return nil }
        switch action(for: key, in: .article) {
        case Action.lineDown: return 1
        case Action.lineUp: return -1
        default: return nil
        }
    }

    /// "j/k": the first keys of `lineDown` and `lineUp` (Enter aside), which scroll the help.
    public var helpScrollKeys: String {
        let down = keys(for: .lineDown).first { $0 != .enter }?.name ?? "?"
        let up = keys(for: .lineUp).first { $0 != .enter }?.name ?? "?"
        return "\(down)/\(up)"
    }

    /// The status line while the help shows: "j/k cuộn · phím khác: đóng".
    public var helpStatusHint: String { "\(helpScrollKeys) cuộn · phím khác: đóng" }

    /// The help text of `binding` as the help screen and the config file show it.
    public func helpText(_ binding: KeyBinding<Action>) -> String {
        guard Action.helpSaysHowToScroll, binding.action == Action.help else { return binding.help }
        return binding.help + " (\(helpScrollKeys) cuộn, phím khác để đóng)"
    }

    /// "h trợ giúp · q thoát": each action's first key and its label; actions left without keys
    /// are left out.
    public func reminder(_ items: [(Action, String)]) -> String {
        // Appended by hand: the generic `joined(separator:)` makes the runtime scan every protocol
        // conformance of the binary at its first call, on the way to the first frame.
        var text = ""
        for (action, label) in items {
            guard let key = keys(for: action).first else { continue }
            if !text.isEmpty { text += " · " }
            text += key.name + " " + label
        }
        return text
    }

    /// The help screen's lines for the table: each group's title, then a line per binding (keys
    /// padded to `keyColumn` columns, then the help), with an empty line after each group when
    /// `spaced`.
    public func helpLines(keyColumn: Int, spaced: Bool) -> [(text: String, style: Style)] {
        var groups: [KeyGroup] = []
        for b in bindings where !groups.contains(b.group) { groups.append(b.group) }
        var result: [(text: String, style: Style)] = []
        for group in groups {
            result.append((group.title, .helpTitle))
            for b in bindings where b.group == group {
                result.append((Self.helpLine(b.keys.map(\.name).joined(separator: " "), helpText(b), keyColumn: keyColumn), .normal))
            }
            if spaced { result.append(("", .normal)) }
        }
        return result
    }

    /// "  keys      help": the keys padded to `keyColumn` columns (at least one space after them).
    public static func helpLine(_ keys: String, _ help: String, keyColumn: Int) -> String {
        "  " + keys + String(repeating: " ", count: max(1, keyColumn - DisplayWidth.of(keys))) + help
    }
}
