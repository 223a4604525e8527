import DocBaoConfig
import DocBaoLoading
import Foundation

/// Finds and reads the config file; what it says and what was wrong with it.
struct ConfigLoader {
    let path: String
    let exists: Bool
    let settings: Settings
    let problems: [ConfigProblem]

    /// `$XDG_CONFIG_HOME/docbao/config.toml`, default `~/.config/docbao/config.toml`.
    static var defaultPath: String { Environment.xdgFolder("XDG_CONFIG_HOME", fallback: ".config") + "/docbao/config.toml" }

    /// Reads the config (a missing default file is no problem; a missing `--config` file is one).
    static func load(explicitPath: String?) -> ConfigLoader {
        let path = explicitPath ?? defaultPath
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path: path) } catch {
            // A default file that is not there is no problem; one that is there and unreadable is.
            let problems = explicitPath != nil || !error.missing ? [ConfigProblem(line: nil, message: "cannot be read")] : []
            return ConfigLoader(path: path, exists: false, settings: Settings(), problems: problems)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return ConfigLoader(path: path, exists: true, settings: Settings(),
                                problems: [ConfigProblem(line: nil, message: "is not UTF-8 text")])
        }
        let (settings, problems) = ConfigFile.parse(text)
        return ConfigLoader(path: path, exists: true, settings: settings, problems: problems)
    }

    /// One line for the status line: the first problem; when there are more, how many and where to
    /// see them all come first, so that a narrow status line does not cut them off.
    var notice: String? {
        guard let first = problems.first else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let problem = "\(name)\(first.line.map { ":\($0)" } ?? ""): \(first.message) — bỏ qua"
        guard problems.count > 1 else { return problem }
        return "\(problems.count) lỗi cấu hình (docbao config): \(problem)"
    }

    /// The problems, one per line, as "docbao: PATH:LINE: message" (for --dump and `config`): the
    /// first twenty, then how many more; each given to `write` (`Output.error` or `Output.out`).
    func report(_ write: (TerminalText) -> Void) {
        for line in ConfigProblem.reportLines(problems, path: path) {
            write("docbao: \(line)\n")
        }
    }
}
