import DocBaoLoading

/// Where docbao keeps its files, following the XDG base directory specification.
public enum StatePaths {
    /// `$XDG_STATE_HOME/docbao`, default `~/.local/state/docbao`.
    public static var stateFolder: String { Environment.xdgFolder("XDG_STATE_HOME", fallback: ".local/state") + "/docbao" }

    public static var searchHistory: String { stateFolder + "/search-history" }
}
