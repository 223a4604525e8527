extension ConfigFile {
    /// Finds the line a setting is written on, for messages (TOMLKit reports positions only for
    /// syntax errors).
    struct Locator {
        let lines: [Substring]

        init(text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

        /// The 1-based line of `key = …` inside `[section]` (or of `[key]` / `key =` at the top
        /// level when `section` is nil).
        func line(of key: String, in section: String?) -> Int? {
            var current: String? = nil
            for (i, raw) in lines.enumerated() {
                let line = raw.drop { $0 == " " || $0 == "\t" }
                if line.hasPrefix("[") {
                    let name = line.dropFirst().prefix { $0 != "]" }.trimmingSpaces
                    if section == nil && name == key { return i + 1 }
                    current = name
                    continue
                }
                guard current == section else { continue }
                let name = line.prefix { $0 != "=" }.trimmingSpaces
                if name == key || name == "\"\(key)\"" { return i + 1 }
            }
            return nil
        }
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
