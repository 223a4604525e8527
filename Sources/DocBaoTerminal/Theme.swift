import CNcursesw
import CursesShim
import DocBaoCore

/// How each `Style` looks: attributes always, colours only when the theme has them, the terminal
/// can show them and NO_COLOR is not set. Colours come through color pairs over the terminal's
/// default background, and use only the eight basic colours, so 8-colour terminals get them all.
public struct Theme {
    struct Look {
        var attributes: attr_t
        var pair: Int16
    }

    public let name: ThemeName
    public let colors: Bool
    /// By `Style.rawValue`. An array, not a `[Style: Look]`: the first dictionary keyed by a type
    /// costs the Swift runtime a scan of every protocol conformance in the binary at start-up.
    private let looks: [Look]

    /// `colors` false (NO_COLOR, a terminal without colours) or the mono theme: attributes only.
    public init(name: ThemeName, colors: Bool) {
        self.name = name
        self.colors = colors && name != .mono
        let colors = self.colors
        self.looks = Style.allCases.map { style in
            var attributes = Theme.attributes(style)
            // With colours, matches show by their background, not by reverse video.
            if colors && (style == .match || style == .currentMatch) { attributes &= ~shim_a_reverse() }
            return Look(attributes: attributes, pair: colors ? Int16(style.rawValue + 1) : 0)
        }
    }

    /// Foreground and background colour per style (-1: the terminal's default). The light theme
    /// avoids yellow, cyan and green text, which vanish on a white background; `auto` (the
    /// background unknown) uses only colours that read on both black and white, and gives the
    /// matches a background of their own.
    private func colours(_ style: Style) -> (Int16, Int16) {
        switch name {
        case .light: return Self.light(style)
        case .auto: return Self.either(style)
        default: return Self.dark(style)
        }
    }

    private static func dark(_ style: Style) -> (Int16, Int16) {
        switch style {
        case .title: return (Int16(COLOR_CYAN), -1)
        case .heading, .sidebarCurrent, .helpKey: return (Int16(COLOR_YELLOW), -1)
        case .caption, .credit, .photoTitle: return (Int16(COLOR_GREEN), -1)
        case .url: return (Int16(COLOR_BLUE), -1)
        case .match: return (Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
        case .currentMatch: return (Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        default: return (-1, -1)
        }
    }

    private static func light(_ style: Style) -> (Int16, Int16) {
        switch style {
        case .title, .url: return (Int16(COLOR_BLUE), -1)
        case .heading, .sidebarCurrent, .helpKey: return (Int16(COLOR_MAGENTA), -1)
        case .match: return (Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
        case .currentMatch: return (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        default: return (-1, -1)
        }
    }

    private static func either(_ style: Style) -> (Int16, Int16) {
        switch style {
        case .title: return (Int16(COLOR_MAGENTA), -1)
        case .heading, .sidebarCurrent, .helpKey: return (Int16(COLOR_RED), -1)
        case .match: return (Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
        case .currentMatch: return (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
        default: return (-1, -1)
        }
    }

    func install() {
        guard colors else { return }
        start_color()
        use_default_colors()
        for style in Style.allCases {
            let (fg, bg) = colours(style)
            init_pair(Int16(style.rawValue + 1), fg, bg)
        }
    }

    /// The ANSI SGR sequence that gives `style` this theme's look outside curses (`--color=always`).
    public func sgr(_ style: Style) -> String {
        let look = look(style)
        var codes: [String] = []
        let table: [(attr_t, String)] = [(shim_a_bold(), "1"), (shim_a_dim(), "2"), (shim_a_italic(), "3"),
                                         (shim_a_underline(), "4"), (shim_a_reverse(), "7")]
        for (attribute, code) in table where look.attributes & attribute != 0 { codes.append(code) }
        if colors {
            let (fg, bg) = colours(style)
            if fg >= 0 { codes.append(String(30 + Int(fg))) }
            if bg >= 0 { codes.append(String(40 + Int(bg))) }
        }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    func look(_ style: Style) -> Look { looks[style.rawValue] }

    private static func attributes(_ style: Style) -> attr_t {
        let bold = shim_a_bold(), dim = shim_a_dim(), italic = shim_a_italic()
        let underline = shim_a_underline(), reverse = shim_a_reverse()
        let attributes: attr_t
        switch style {
        case .normal, .sidebarEntry: attributes = shim_a_normal()
        case .title: attributes = bold
        case .lead: attributes = bold | italic
        case .heading: attributes = bold
        case .photoTitle: attributes = bold | italic
        case .caption: attributes = italic
        case .credit: attributes = italic | dim
        case .byline: attributes = bold
        case .source: attributes = dim
        case .url: attributes = underline
        case .sidebarHeader: attributes = bold
        case .sidebarCurrent: attributes = bold
        case .sidebarCursor: attributes = reverse | bold
        case .border: attributes = dim
        case .status: attributes = reverse
        case .statusAccent: attributes = reverse | bold
        case .helpTitle: attributes = bold | underline
        case .helpKey: attributes = bold
        case .match: attributes = reverse
        case .currentMatch: attributes = reverse | bold | underline
        case .prompt: attributes = bold
        case .promptInfo: attributes = dim
        case .placeholder: attributes = dim
        case .quote: attributes = italic
        case .code: attributes = shim_a_normal()
        }
        return attributes
    }
}
