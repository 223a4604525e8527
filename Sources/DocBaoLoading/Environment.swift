import Glibc

/// The process environment, read with getenv(3). Not `ProcessInfo.processInfo.environment`: that
/// copies every variable into a dictionary and starts Foundation's machinery on the start-up path.
public enum Environment {
    public static func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// `$HOME`, or the password database's home folder when HOME is unset.
    public static var home: String {
        if let home = value("HOME") { return home }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    /// An XDG base folder: `$NAME` when it is an absolute path (the specification ignores a relative
    /// one), otherwise `~/fallback`.
    public static func xdgFolder(_ name: String, fallback: String) -> String {
        if let value = value(name), value.hasPrefix("/") { return value }
        return home + "/" + fallback
    }

    /// NO_COLOR unset or empty (https://no-color.org).
    public static var colorsAllowed: Bool { value("NO_COLOR").map { $0.isEmpty } ?? true }
}
