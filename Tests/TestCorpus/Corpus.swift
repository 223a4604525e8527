import Foundation

/// The project root and the shared test corpora, read in place from `../shared/` beside it: one
/// place for every test target (a module of its own, as test targets cannot import each other).
public enum Corpus {
    /// The project root (the folder holding Package.swift).
    public static let projectRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared/`, beside the project root.
    public static let root = projectRoot.deletingLastPathComponent().appendingPathComponent("shared").path
    public static let seed = root + "/seed/hoi-nghi-ngoai-giao-29.txt"
    public static let testdata = root + "/testdata"
}
