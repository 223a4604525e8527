import DocBaoCore

extension ConfigFile {
    /// A commented config file with every setting at its default, and every action with its
    /// default keys (commented out, so the file changes nothing until a line is uncommented).
    /// Made from the key tables, so it always lists the actions the help screens list.
    public static func defaultText(keyMap: KeyMap = KeyMap(), libraryKeyMap: LibraryKeyMap = LibraryKeyMap()) -> String {
        var out = """
        # docbao config: $XDG_CONFIG_HOME/docbao/config.toml (default ~/.config/docbao/config.toml)
        # Every line below is a default. Uncomment a line and change it to use it. A mistake in this
        # file is reported with its line, and docbao starts without that setting.

        [reader]
        # width = 80              # widest reading column, in terminal columns (at least 10)
        # sidebar = true          # show the section sidebar at start (s toggles it)
        # theme = "auto"          # auto (asks the terminal) | dark | light | mono (no colour)
        # align = "center"        # center | left: where the reading column stands on a wide screen
        # copy = "off"            # off | osc52: y copies the article's address, or a link in the
        #                         # links list (o), to the terminal's clipboard (OSC 52)

        [search]
        # mode = "smart"          # smart (accents optional) | exact (case and accents as typed)
        # whole_word = false      # only whole words: "an" does not match inside "Thanh"
        # input = "off"           # typing in the search prompt: off | telex | vni (Ctrl-T cycles)
        # tones = "traditional"   # where Telex/VNI puts tones: traditional (hòa) | modern (hoà)

        [keys]
        # An action name, then the keys it answers to; they replace the action's default keys.
        # Key names: a character ("j", "]", "?"), Space, Up, Down, Left, Right, PgUp, PgDn, Home,
        # End, Enter, Tab, S-Tab, Esc, Backspace, F1..F12, C-a..C-z (Ctrl plus a letter).

        """
        out += actionLines(keyMap)
        out += """

        [library-keys]
        # The same for the library view (docbao library): an action name, then its keys.

        """
        out += actionLines(libraryKeyMap)
        return out
    }

    /// "# action = [keys]   # help" for each action of `table`, commented out, in table order.
    private static func actionLines<Action: KeyAction>(_ table: KeyTable<Action>) -> String {
        var out = ""
        var seen = Set<Action>()
        for binding in table.bindings where !seen.contains(binding.action) {
            seen.insert(binding.action)
            let list = table.keys(for: binding.action).map { "\"\(configName($0))\"" }.joined(separator: ", ")
            let line = "# \(binding.action.rawValue) = [\(list)]"
            out += line + String(repeating: " ", count: max(1, 46 - line.count)) + "# \(table.helpText(binding))\n"
        }
        return out
    }

    /// A key's name as the config file reads it back (`Key(name:)`).
    static func configName(_ key: Key) -> String {
        switch key {
        case .char("\""): return "\\\""
        case .char("\\"): return "\\\\"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return key.name
        }
    }
}
