import DocBaoCore

extension ConfigFile {
    /// A problem for each key the file gives an action that reaches another action instead: the
    /// same key bound to two actions that answer with the same focus. Found by dispatching each key
    /// through the key table the screen will use, so the message names the action that really gets it.
    static func conflicts<Action: KeyAction>(in overrides: [KeyOverride<Action>], lines: [Action: Int]) -> [ConfigProblem] {
        guard overrides.count > 1 else { return [] }
        let defaults = KeyTable<Action>()
        let map = defaults.remapped(overrides.map { ($0.action, $0.keys) })
        let article = dispatch(map, focus: .article)
        let sidebar = dispatch(map, focus: .sidebar)
        var problems: [ConfigProblem] = []
        for override in overrides {
            let contexts = Set(defaults.bindings.filter { $0.action == override.action }.map(\.context))
            let inArticle = contexts.contains(.any) || contexts.contains(.article)
            let inSidebar = contexts.contains(.any) || contexts.contains(.sidebar)
            var checked = Set<Key>()
            for key in override.keys where checked.insert(key).inserted {
                let lostInArticle = inArticle ? article[key].flatMap { $0 == override.action ? nil : $0 } : nil
                let lostInSidebar = inSidebar ? sidebar[key].flatMap { $0 == override.action ? nil : $0 } : nil
                guard let winner = lostInArticle ?? lostInSidebar else { continue }
                var message = "\"\(configName(key))\" for \(override.action.rawValue) is also bound to \(winner.rawValue)"
                if let line = lines[winner] { message += " (line \(line))" }
                message += ", which gets it"
                if inArticle && inSidebar && (lostInArticle == nil) != (lostInSidebar == nil) {
                    message += lostInArticle != nil ? " with the article focused" : " with the sidebar focused"
                }
                problems.append(ConfigProblem(line: lines[override.action], message: message))
            }
        }
        return problems
    }

    /// Which action each key reaches with `focus`: what `KeyTable.action(for:in:)` answers, for
    /// every key at once.
    private static func dispatch<Action: KeyAction>(_ map: KeyTable<Action>, focus: Focus) -> [Key: Action] {
        let specific: KeyContext = focus == .sidebar ? .sidebar : .article
        var result: [Key: Action] = [:]
        for context in [specific, .any] {
            for binding in map.bindings where binding.context == context {
                for key in binding.keys where result[key] == nil { result[key] = binding.action }
            }
        }
        return result
    }
}
