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
            let value = t[key]!
            let line = locate.line(of: key, in: "reader")
            switch key {
            case "width":
                if let n = value.int, (10...1000).contains(n) { s.readingWidth = n } else {
                    problems.append(ConfigProblem(line: line, message: "width must be a whole number from 10 to 1000"))
                }
            case "sidebar":
                if let b = value.bool { s.sidebar = b } else { problems.append(ConfigProblem(line: line, message: "sidebar must be true or false")) }
            case "theme":
                if let v = value.string.flatMap(ThemeName.init(rawValue:)) { s.theme = v } else {
                    problems.append(ConfigProblem(line: line, message: "theme must be one of \(names(ThemeName.allCases))"))
                }
            default:
                problems.append(ConfigProblem(line: line, message: "unknown setting '\(key)' in [reader] (known: width, sidebar, theme)"))
            }
        }
    }

    private static func readSearch(_ t: TOMLTable, into s: inout Settings, _ problems: inout [ConfigProblem], _ locate: Locator) {
        for key in t.keys {
            let value = t[key]!
            let line = locate.line(of: key, in: "search")
            switch key {
            case "mode":
                if let v = value.string.flatMap(SearchOptions.Mode.init(rawValue:)) { s.searchMode = v } else {
                    problems.append(ConfigProblem(line: line, message: "mode must be one of \(names(SearchOptions.Mode.allCases))"))
                }
            case "whole_word":
                if let b = value.bool { s.wholeWord = b } else { problems.append(ConfigProblem(line: line, message: "whole_word must be true or false")) }
            case "input":
                if let v = value.string.flatMap(InputMethod.init(rawValue:)) { s.inputMethod = v } else {
                    problems.append(ConfigProblem(line: line, message: "input must be one of \(names(InputMethod.allCases))"))
                }
            case "tones":
                if let v = value.string.flatMap(TonePlacement.init(rawValue:)) { s.tones = v } else {
                    problems.append(ConfigProblem(line: line, message: "tones must be traditional or modern"))
                }
            default:
                problems.append(ConfigProblem(line: line, message: "unknown setting '\(key)' in [search] (known: mode, whole_word, input, tones)"))
            }
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

    private static func names<T: RawRepresentable>(_ all: [T]) -> String where T.RawValue == String {
        all.map(\.rawValue).joined(separator: ", ")
    }
}
