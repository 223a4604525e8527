import DocBaoCore
import TOMLKit

/// Reads `config.toml`. Every mistake is reported with its line and skipped: a config mistake never
/// keeps docbao from opening an article.
///
/// ```toml
/// [reader]
/// width = 72            # reading column, in columns
/// sidebar = true        # show the section sidebar at start
/// theme = "auto"        # auto | dark | light | mono
/// align = "center"      # center | left: the reading column on a wide screen
/// copy = "off"          # off | osc52: y copies the article's address, or a link in the links list
///
/// [search]
/// mode = "smart"        # smart | exact
/// whole_word = false
/// input = "off"         # off | telex | vni
/// tones = "traditional" # traditional (hòa) | modern (hoà)
///
/// [keys]                # action = ["key", …]; names as in the help screen
/// line-down = ["j", "Down", "C-e"]
///
/// [library-keys]        # the same for the library view's actions
/// filter = ["&", "f"]
/// ```
public enum ConfigFile {
    /// The settings the file makes, and every problem with it in line order. Each statement is
    /// parsed alone, so a TOML syntax error costs only the lines of the statement it is in.
    public static func parse(_ text: String) -> (settings: Settings, problems: [ConfigProblem]) {
        var reading = Reading()
        reading.read(statements(of: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text))
        var settings = reading.settings
        // Key overrides apply in the order of their action names, as TOML tables keep them (and as
        // docbao always applied them): the binding-conflict messages say which one wins.
        settings.keys.sort { $0.action.rawValue < $1.action.rawValue }
        settings.libraryKeys.sort { $0.action.rawValue < $1.action.rawValue }
        let problems = reading.problems + conflicts(in: settings.keys, lines: reading.keyLines)
            + conflicts(in: settings.libraryKeys, lines: reading.libraryKeyLines)
        // In line order, problems of one line in the order they were found.
        let ordered = problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
        return (settings, ordered.map(\.element))
    }

    /// The sections the file may have.
    static let sections = ["reader", "search", "keys", "library-keys"]
    /// "[reader], [search], [keys] or [library-keys]".
    static var sectionList: String {
        sections.dropLast().map { "[\($0)]" }.joined(separator: ", ") + " or [\(sections.last!)]"
    }

    /// One setting as the file writes it: `section.key` and its value, and the line it is on.
    private struct Entry {
        let path: [String]
        let value: TOMLValueConvertible
        let line: Int
    }

    /// Reads statements into settings, recording problems as it goes.
    private struct Reading {
        var settings = Settings()
        var problems: [ConfigProblem] = []
        /// The line each action's keys are set on, in `[keys]` and in `[library-keys]`.
        var keyLines: [Action: Int] = [:]
        var libraryKeyLines: [LibraryAction: Int] = [:]
        /// The line each `section.key` was first set on, and whether it was a plain `key = value`.
        private var seen: [String: (line: Int, plain: Bool)] = [:]
        private var unknownSections: Set<String> = []

        mutating func read(_ statements: [Statement]) {
            // The path of the section header in force; nil after a broken header or an array of
            // tables, whose settings are skipped (the header is reported).
            var section: [String]? = []
            for statement in statements {
                if statement.isHeader, let column = statement.badHeaderColumn {
                    // toml++ asserts (and in a release build assumes) that a key starts here.
                    problems.append(ConfigProblem(line: statement.line, message: "not valid TOML (column \(column)): a section name is letters, digits, - and _, or in quotes"))
                    section = nil
                    continue
                }
                let table: TOMLTable
                do {
                    table = try TOMLTable(string: statement.text)
                } catch let error as TOMLParseError {
                    problems.append(ConfigProblem(line: statement.line + error.source.begin.line - 1,
                                                  message: "not valid TOML (column \(error.source.begin.column)): \(error.description)"))
                    if statement.isHeader { section = nil }
                    continue
                } catch {
                    problems.append(ConfigProblem(line: statement.line, message: "not valid TOML: \(error)"))
                    if statement.isHeader { section = nil }
                    continue
                }
                if statement.isHeader {
                    section = header(table, line: statement.line)
                    if let section { take(Entry(path: section, value: TOMLTable(), line: statement.line)) }
                } else if let section {
                    for entry in flattened(table, under: section, line: statement.line) { take(entry) }
                }
            }
        }

        /// The path a `[a.b]` header opens; nil (with a problem) for an array of tables `[[a]]`.
        private mutating func header(_ table: TOMLTable, line: Int) -> [String]? {
            var path: [String] = []
            var current = table
            while current.count == 1, let name = current.keys.first, let value = current[name] {
                path.append(name)
                if let inner = value.table {
                    current = inner
                } else {
                    problems.append(ConfigProblem(line: line, message: "[[\(path.joined(separator: "."))]] is not a section; write \(ConfigFile.sectionList)"))
                    return nil
                }
            }
            return path
        }

        /// Every value the statement sets, with its full path (dotted keys and inline tables opened).
        private func flattened(_ table: TOMLTable, under path: [String], line: Int) -> [Entry] {
            var entries: [Entry] = []
            for name in table.keys {
                guard let value = table[name] else { continue }
                if let inner = value.table, !inner.isEmpty {
                    entries += flattened(inner, under: path + [name], line: line)
                } else {
                    entries.append(Entry(path: path + [name], value: value, line: line))
                }
            }
            return entries
        }

        private mutating func take(_ entry: Entry) {
            guard let section = entry.path.first else { return }
            guard entry.path.count > 1 else {
                if entry.value.table == nil {
                    problems.append(ConfigProblem(line: entry.line, message: "'\(section)' must be a section (\(ConfigFile.sectionList))"))
                } else if !ConfigFile.sections.contains(section) {
                    unknownSection(section, line: entry.line)
                }
                return
            }
            guard ConfigFile.sections.contains(section) else {
                unknownSection(section, line: entry.line)
                return
            }
            let key = entry.path[1]
            let plain = entry.path.count == 2
            let id = section + "." + key
            if let first = seen[id] {
                if plain && first.plain {
                    problems.append(ConfigProblem(line: entry.line, message: "\(key) in [\(section)] is already set on line \(first.line)"))
                }
                return
            }
            seen[id] = (entry.line, plain)
            // `key.more = …` makes `key` a table, which no setting is.
            let value = plain ? entry.value : TOMLTable()
            switch section {
            case "reader": readReader(key, value, line: entry.line)
            case "search": readSearch(key, value, line: entry.line)
            case "keys":
                if let o: KeyOverride<Action> = Self.readKey(key, value, line: entry.line, &problems) {
                    settings.keys.append(o)
                    keyLines[o.action] = entry.line
                }
            default:
                if let o: KeyOverride<LibraryAction> = Self.readKey(key, value, line: entry.line, &problems) {
                    settings.libraryKeys.append(o)
                    libraryKeyLines[o.action] = entry.line
                }
            }
        }

        private mutating func unknownSection(_ name: String, line: Int) {
            guard unknownSections.insert(name).inserted else { return }
            problems.append(ConfigProblem(line: line, message: "unknown section [\(name)] (known: \(ConfigFile.sections.joined(separator: ", ")))"))
        }

        private mutating func readReader(_ key: String, _ value: TOMLValueConvertible, line: Int) {
            let setting = Setting(key: key, value: value, line: line)
            switch key {
            case "width": settings.readingWidth = setting.number(in: 10...1000, &problems)
            case "sidebar": settings.sidebar = setting.flag(&problems)
            case "theme": settings.theme = setting.choice(ThemeName.self, &problems)
            case "align": settings.align = setting.choice(ColumnAlign.self, &problems)
            case "copy": settings.copy = setting.choice(CopyMethod.self, &problems)
            default: problems.append(setting.unknown(in: "reader", known: "width, sidebar, theme, align, copy"))
            }
        }

        private mutating func readSearch(_ key: String, _ value: TOMLValueConvertible, line: Int) {
            let setting = Setting(key: key, value: value, line: line)
            switch key {
            case "mode": settings.searchMode = setting.choice(SearchOptions.Mode.self, &problems)
            case "whole_word": settings.wholeWord = setting.flag(&problems)
            case "input": settings.inputMethod = setting.choice(InputMethod.self, &problems)
            case "tones": settings.tones = setting.choice(TonePlacement.self, &problems)
            default: problems.append(setting.unknown(in: "search", known: "mode, whole_word, input, tones"))
            }
        }

        /// An action's keys, for the table of `A`'s actions (`[keys]` or `[library-keys]`).
        private static func readKey<A: KeyAction>(_ name: String, _ value: TOMLValueConvertible, line: Int,
                                                  _ problems: inout [ConfigProblem]) -> KeyOverride<A>? {
            guard let action = A(rawValue: name) else {
                problems.append(ConfigProblem(line: line, message: "unknown action '\(name)' (the help screen and `docbao config --default` list them)"))
                return nil
            }
            let written: [String]
            if let one = value.string {
                written = [one]
            } else if let array = value.array, array.allSatisfy({ $0.string != nil }) {
                written = array.map { $0.string! }
            } else {
                problems.append(ConfigProblem(line: line, message: "\(name) must be a key name or a list of them, e.g. [\"j\", \"Down\"]"))
                return nil
            }
            var keys: [Key] = []
            for w in written {
                if let key = Key(name: w) { keys.append(key) } else {
                    problems.append(ConfigProblem(line: line, message: "unknown key name '\(w)' for \(name)"))
                }
            }
            return keys.isEmpty ? nil : KeyOverride(action: action, keys: keys)
        }
    }

    /// One `key = value` line: its value read as the setting expects, or a problem recorded.
    private struct Setting {
        let key: String
        let value: TOMLValueConvertible
        let line: Int?

        func number(in range: ClosedRange<Int>, _ problems: inout [ConfigProblem]) -> Int? {
            if let n = value.int, range.contains(n) { return n }
            problems.append(ConfigProblem(line: line, message: "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return nil
        }

        func flag(_ problems: inout [ConfigProblem]) -> Bool? {
            if let b = value.bool { return b }
            problems.append(ConfigProblem(line: line, message: "\(key) must be true or false"))
            return nil
        }

        func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ problems: inout [ConfigProblem]) -> T?
        where T.RawValue == String {
            if let v = value.string.flatMap(T.init(rawValue:)) { return v }
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(ConfigProblem(line: line, message: "\(key) must be one of \(names)"))
            return nil
        }

        func unknown(in section: String, known: String) -> ConfigProblem {
            ConfigProblem(line: line, message: "unknown setting '\(key)' in [\(section)] (known: \(known))")
        }
    }
}
