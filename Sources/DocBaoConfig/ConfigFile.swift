import DocBaoCore
import TOMLKit

/// Reads `config.toml`. Every mistake is reported with its line and skipped: a config mistake never
/// keeps docbao from opening an article.
///
/// ```toml
/// [reader]
/// width = 72            # reading column, in columns
/// sidebar = true        # show the section sidebar at start
/// theme = "dark"        # dark | light | mono
///
/// [search]
/// mode = "smart"        # smart | exact
/// whole_word = false
/// input = "off"         # off | telex | vni
/// tones = "traditional" # traditional (hòa) | modern (hoà)
///
/// [keys]                # action = ["key", …]; names as in the help screen
/// line-down = ["j", "Down", "C-e"]
/// ```
public enum ConfigFile {
    public static func parse(_ text: String) -> (settings: Settings, problems: [ConfigProblem]) {
        var settings = Settings()
        var problems: [ConfigProblem] = []
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return (settings, [ConfigProblem(line: error.source.begin.line,
                                             message: "not valid TOML (column \(error.source.begin.column)): \(error.description)")])
        } catch {
            return (settings, [ConfigProblem(line: nil, message: "not valid TOML: \(error)")])
        }
        let locate = Locator(text: text)
        for section in table.keys {
            guard let body = table[section]?.table else {
                problems.append(ConfigProblem(line: locate.line(of: section, in: nil),
                                              message: "'\(section)' must be a section ([reader], [search] or [keys])"))
                continue
            }
            switch section {
            case "reader": readReader(body, into: &settings, &problems, locate)
            case "search": readSearch(body, into: &settings, &problems, locate)
            case "keys": readKeys(body, into: &settings, &problems, locate)
            default:
                problems.append(ConfigProblem(line: locate.line(of: section, in: nil),
                                              message: "unknown section [\(section)] (known: reader, search, keys)"))
            }
        }
        return (settings, problems)
    }

    private static func readReader(_ t: TOMLTable, into s: inout Settings, _ problems: inout [ConfigProblem], _ locate: Locator) {
        for key in t.keys {
            let setting = Setting(key: key, value: t[key]!, line: locate.line(of: key, in: "reader"))
            switch key {
            case "width": s.readingWidth = setting.number(in: 10...1000, &problems)
            case "sidebar": s.sidebar = setting.flag(&problems)
            case "theme": s.theme = setting.choice(ThemeName.self, &problems)
            default: problems.append(setting.unknown(in: "reader", known: "width, sidebar, theme"))
            }
        }
    }

    private static func readSearch(_ t: TOMLTable, into s: inout Settings, _ problems: inout [ConfigProblem], _ locate: Locator) {
        for key in t.keys {
            let setting = Setting(key: key, value: t[key]!, line: locate.line(of: key, in: "search"))
            switch key {
            case "mode": s.searchMode = setting.choice(SearchOptions.Mode.self, &problems)
            case "whole_word": s.wholeWord = setting.flag(&problems)
            case "input": s.inputMethod = setting.choice(InputMethod.self, &problems)
            case "tones": s.tones = setting.choice(TonePlacement.self, &problems)
            default: problems.append(setting.unknown(in: "search", known: "mode, whole_word, input, tones"))
            }
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

    private static func readKeys(_ t: TOMLTable, into s: inout Settings, _ problems: inout [ConfigProblem], _ locate: Locator) {
        for name in t.keys {
            let line = locate.line(of: name, in: "keys")
            guard let action = Action(rawValue: name) else {
                problems.append(ConfigProblem(line: line, message: "unknown action '\(name)' (the help screen and `docbao config --default` list them)"))
                continue
            }
            let value = t[name]!
            let written: [String]
            if let one = value.string {
                written = [one]
            } else if let array = value.array, array.allSatisfy({ $0.string != nil }) {
                written = array.map { $0.string! }
            } else {
                problems.append(ConfigProblem(line: line, message: "\(name) must be a key name or a list of them, e.g. [\"j\", \"Down\"]"))
                continue
            }
            var keys: [Key] = []
            for w in written {
                if let key = Key(name: w) { keys.append(key) } else {
                    problems.append(ConfigProblem(line: line, message: "unknown key name '\(w)' for \(name)"))
                }
            }
            if !keys.isEmpty { s.keys.append(Settings.KeyOverride(action: action, keys: keys)) }
        }
    }

}
