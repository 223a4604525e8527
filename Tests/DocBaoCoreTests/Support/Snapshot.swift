import DocBaoCore
import Foundation
import Testing

/// Frames compared with the text files in Snapshots/ (trailing spaces trimmed). To record after a
/// deliberate change: `DOCBAO_RECORD=1 swift test --filter NAME`, then review the diff.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func check(_ name: String, _ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = frame.lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
        let url = folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["DOCBAO_RECORD"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let stored = try String(contentsOf: url, encoding: .utf8)
        #expect(Array(stored.unicodeScalars) == Array(text.unicodeScalars),
                "frame differs from \(name).txt:\n\(text)", sourceLocation: sourceLocation)
    }
}
