import DocBaoConfig
import Foundation

/// Finds and reads the config file; what it says and what was wrong with it.
struct ConfigLoader {
    let path: String
    let exists: Bool
    let settings: Settings
    let problems: [ConfigProblem]

    /// `$XDG_CONFIG_HOME/docbao/config.toml`, default `~/.config/docbao/config.toml`.
    static var defaultPath: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (env["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/docbao/config.toml"
    }

    /// Reads the config (a missing default file is no problem; a missing `--config` file is one).
    static func load(explicitPath: String?) -> ConfigLoader {
        let path = explicitPath ?? defaultPath
        guard let data = FileManager.default.contents(atPath: path) else {
            let missing = explicitPath != nil || FileManager.default.fileExists(atPath: path)
            let problems = missing ? [ConfigProblem(line: nil, message: "cannot be read")] : []
            return ConfigLoader(path: path, exists: false, settings: Settings(), problems: problems)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ConfigLoader(path: path, exists: true, settings: Settings(),
                                problems: [ConfigProblem(line: nil, message: "is not UTF-8 text")])
        }
        let (settings, problems) = ConfigFile.parse(text)
        return ConfigLoader(path: path, exists: true, settings: settings, problems: problems)
    }

    /// One line for the status line: the first problem, and how many more (`docbao config` lists all).
    var notice: String? {
        guard let first = problems.first else { return nil }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let more = problems.count > 1 ? " (+\(problems.count - 1), xem: docbao config)" : ""
        return "\(name)\(first.line.map { ":\($0)" } ?? ""): \(first.message) — bỏ qua\(more)"
    }

    /// Every problem, one per line, as "docbao: PATH:LINE: message" (for --dump and `config`).
    func report(to handle: FileHandle) {
        for p in problems {
            let place = p.line.map { "\(path):\($0)" } ?? path
            handle.write(Data("docbao: \(place): \(p.message); ignored\n".utf8))
        }
    }
}
