import Foundation

/// A fresh temporary folder, removed by `clean()`.
struct TemporaryFolder {
    let folder: String

    init() {
        folder = NSTemporaryDirectory() + "docbao-loading-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func clean() { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes `text` to a file in the folder and returns its path.
    func file(_ name: String, _ text: String) -> String { file(name, bytes: Array(text.utf8)) }

    /// Writes `bytes` to a file in the folder and returns its path.
    func file(_ name: String, bytes: [UInt8]) -> String {
        let path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
