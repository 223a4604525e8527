/// The help screen, drawn from the key table grouped by purpose; it scrolls when taller than the screen.
enum HelpView {
    static func lines(_ keyMap: KeyMap) -> [(text: String, style: Style)] {
        var result: [(String, Style)] = [("docbao — đọc báo trong terminal", .helpTitle), ("", .normal)]
        for group in KeyBinding.Group.allCases {
            let bindings = keyMap.bindings.filter { $0.group == group }
            guard !bindings.isEmpty else { continue }
            result.append((group.rawValue, .helpTitle))
            for b in bindings {
                let keys = b.keys.map(\.name).joined(separator: " ")
                let pad = String(repeating: " ", count: max(1, 18 - DisplayWidth.of(keys)))
                result.append(("  " + keys + pad + b.help, .normal))
            }
            result.append(("", .normal))
        }
        result.append(("Trong ô tìm kiếm", .helpTitle))
        for (keys, help) in Reader.promptKeys {
            result.append(("  " + keys + String(repeating: " ", count: max(1, 18 - DisplayWidth.of(keys))) + help, .normal))
        }
        result.append(("", .normal))
        result.append(("Chuột: lăn để cuộn, bấm vào mục lục để đến mục.", .normal))
        return result
    }

    static func draw(_ state: ReaderState, into frame: inout Frame) {
        let all = lines(state.keyMap)
        let height = state.geometry.viewHeight
        let start = max(0, min(state.helpScroll, all.count - height))
        for (row, line) in all.dropFirst(start).prefix(height).enumerated() {
            let written = frame.put(line.text, x: 1, y: row, style: line.style)
            if line.style == .normal, line.text.hasPrefix("  ") {
                // Keys in their own style: the first 20 columns.
                frame.fill(x: 1, y: row, width: min(written, 20), style: .helpKey)
            }
        }
    }
}
