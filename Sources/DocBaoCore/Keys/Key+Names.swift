extension Key {
    /// Reads a key as the config file writes it: a single character ("j", "]", "?"), "Space", the
    /// arrows ("Up" or "↑" …), "PgUp"/"PgDn", "Home", "End", "Enter", "Tab", "S-Tab", "Esc",
    /// "Backspace", "F1"…"F12", or Ctrl plus a letter ("C-d", "Ctrl-d"). Names are the ones `name`
    /// gives, so the help screen and the config agree.
    public init?(name: String) {
        let named: [String: Key] = [
            "space": .char(" "), "up": .up, "↑": .up, "down": .down, "↓": .down, "left": .left, "←": .left,
            "right": .right, "→": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
            "pagedown": .pageDown, "home": .home, "end": .end, "enter": .enter, "return": .enter,
            "tab": .tab, "s-tab": .backTab, "backtab": .backTab, "esc": .escape, "escape": .escape,
            "backspace": .backspace,
        ]
        let lower = name.lowercased()
        if let key = named[lower] {
            self = key
        } else if name.count == 1, let c = name.first {
            self = .char(c)
        } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) {
            self = .function(n)
        } else if let prefix = ["c-", "ctrl-"].first(where: { lower.hasPrefix($0) }), lower.count == prefix.count + 1,
                  let letter = lower.last, letter.isASCII, letter.isLetter {
            self = .ctrl(letter)
        } else {
            return nil
        }
    }
}
