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

/// What a terminal sent back after docbao's questions (OSC 11, then DA1), split into the OSC answer,
/// whether the DA1 answer (always the last) has come, and the rest: keys typed meanwhile.
public struct TerminalAnswers {
    public var osc11: String?
    public var complete = false
    public var rest: [UInt8] = []

    public init(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            // ESC ] … BEL | ESC \ : an OSC answer.
            if bytes[i] == 0x1B, i + 1 < bytes.count, bytes[i + 1] == 0x5D {
                var j = i + 2
                while j < bytes.count, bytes[j] != 0x07, !(bytes[j] == 0x1B && j + 1 < bytes.count && bytes[j + 1] == 0x5C) { j += 1 }
                guard j < bytes.count else { return }  // cut short: not a key, and not complete
                osc11 = String(decoding: bytes[i..<j], as: UTF8.self)
                i = j + (bytes[j] == 0x07 ? 1 : 2)
                continue
            }
            // ESC [ ? digits ; … c : the device attributes.
            if bytes[i] == 0x1B, i + 2 < bytes.count, bytes[i + 1] == 0x5B, bytes[i + 2] == 0x3F {
                var j = i + 3
                while j < bytes.count, (0x30...0x3B).contains(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == 0x63 {
                    complete = true
                    i = j + 1
                    continue
                }
            }
            rest.append(bytes[i])
            i += 1
        }
    }
}
