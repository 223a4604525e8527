import DocBaoCore
import DocBaoStore
import Foundation

/// A library in a fresh temporary folder (never the user's XDG places), removed by `clean()`.
struct TemporaryLibrary {
    let folder: String
    var path: String { folder + "/library.sqlite" }

    init() {
        folder = NSTemporaryDirectory() + "docbao-library-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func open() throws -> LibraryStore { try LibraryStore(path: path) }

    func clean() { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes `text` to a file in the folder and returns its path.
    func file(_ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }
}

/// Prepares the article in `path` for adding, or fails the test.
func prepared(_ path: String) throws -> PreparedArticle {
    try LibraryImport.prepare(path).get()
}

/// Runs chattr (`+i`: the file immutable, so that even root cannot write it); false when it failed.
func chattr(_ flag: String, _ path: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    process.arguments = [flag, path]
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}
