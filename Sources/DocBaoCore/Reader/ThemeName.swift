/// The colour themes: `auto` (the default) asks the terminal whether its background is light or
/// dark; `dark` and `light` are for those backgrounds, `mono` has no colour. An `auto` that learns
/// nothing keeps a palette readable on both.
public enum ThemeName: String, CaseIterable, Sendable {
    case auto, dark, light, mono

    /// The theme for a terminal whose background is `background` (nil: unknown): only `auto` changes.
    public func resolved(_ background: TerminalBackground?) -> ThemeName {
        guard self == .auto, let background else { return self }
        return background == .light ? .light : .dark
    }
}

/// Whether a terminal's background is light or dark, from its answer to OSC 11 or from `COLORFGBG`.
public enum TerminalBackground: Equatable, Sendable {
    case dark, light

    /// From an OSC 11 answer, `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` (1 to 4 hex digits a channel, ended by
    /// BEL or ST), by its relative luminance. Nil for anything else.
    public static func osc11(_ reply: some StringProtocol) -> TerminalBackground? {
        guard let range = reply.range(of: "]11;rgb:") else { return nil }
        let channels = reply[range.upperBound...].prefix { $0.isHexDigit || $0 == "/" }.split(separator: "/")
        guard channels.count == 3 else { return nil }
        var values: [Double] = []
        for c in channels {
            guard (1...4).contains(c.count), let v = UInt32(c, radix: 16) else { return nil }
            values.append(Double(v) / Double((1 << (4 * c.count)) - 1))
        }
        let luminance = 0.2126 * values[0] + 0.7152 * values[1] + 0.0722 * values[2]
        return luminance > 0.5 ? .light : .dark
    }

    /// From `COLORFGBG` ("15;0", "0;default;15"): its last field is the background's colour number;
    /// 7 and 9–15 are light. Nil when unset or unreadable.
    public static func colorFGBG(_ value: String?) -> TerminalBackground? {
        guard let last = value?.split(separator: ";").last, let n = Int(last), (0...15).contains(n) else { return nil }
        return n == 7 || n >= 9 ? .light : .dark
    }
}
