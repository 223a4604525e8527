import Foundation

/// Where docbao keeps its files, following the XDG base directory specification.
enum StatePaths {
    /// `$XDG_STATE_HOME/docbao`, default `~/.local/state/docbao`.
    static var stateFolder: URL {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("docbao")
        }
        let home = env["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/docbao")
    }

    static var searchHistory: URL { stateFolder.appendingPathComponent("search-history") }
}
