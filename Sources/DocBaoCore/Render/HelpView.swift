/// The help screen, drawn from the key table grouped by purpose; it scrolls when taller than the screen.
enum HelpView {
    /// The help's lines fitted to a screen `width` columns wide (wrapped, never cut: `HelpLines`).
    static func lines(_ keyMap: KeyMap, width: Int) -> [(text: String, style: Style)] {
        HelpLines.fitted(lines(keyMap), width: width - 2, helpColumn: 20)
    }

    static func lines(_ keyMap: KeyMap) -> [(text: String, style: Style)] {
        var result: [(text: String, style: Style)] = [("docbao — đọc báo trong terminal", .helpTitle), ("", .normal)]
        result += keyMap.helpLines(keyColumn: 18, spaced: true)
        result.append(("Trong ô tìm kiếm", .helpTitle))
        for (keys, help) in Reader.promptKeys { result.append((KeyMap.helpLine(keys, help, keyColumn: 18), .normal)) }
        result.append(("", .normal))
        result.append(("Chuột: lăn để cuộn, bấm vào mục lục để đến mục.", .normal))
        return result
    }

    static func draw(_ state: ReaderState, into frame: inout Frame) {
        let all = lines(state.keyMap, width: state.size.width)
        let height = state.geometry.viewHeight
        let start = max(0, min(state.helpScroll, all.count - height))
        for (row, line) in all.dropFirst(start).prefix(height).enumerated() {
            let written = frame.put(line.text, x: 1, y: row, style: line.style)
            if line.style == .normal, HelpLines.startsWithKeys(line.text) {
                // Keys in their own style: the first 20 columns.
                frame.fill(x: 1, y: row, width: min(written, 20), style: .helpKey)
            }
        }
    }
}
