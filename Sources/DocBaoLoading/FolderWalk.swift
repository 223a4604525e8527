import DocBaoCore
import Foundation

/// A folder's entries at any depth, read with readdir(3) so that names that are not UTF-8 keep
/// their bytes (`FileName`): FileManager's enumerator replaces them with U+FFFD, and the file could
/// then not be opened.
enum FolderWalk {
    /// Every entry under `folder` as "folder/sub/name", folders before what is in them, but hidden
    /// ones (a name starting with ".") and what is under them; links to folders are not followed.
    /// Nil when `folder` cannot be read; a folder inside it that cannot be read is left out.
    static func entries(under folder: String) -> [String]? {
        guard let names = names(in: folder) else { return nil }
        var found: [String] = []
        for (name, isFolder) in names where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            found.append(path)
            if isFolder, let inner = entries(under: path) { found += inner }
        }
        return found
    }

    /// The names in `folder` (but "." and ".."), each with whether it is a folder (not a link to one).
    private static func names(in folder: String) -> [(name: String, isFolder: Bool)]? {
        guard let dir = FileName.withCString(folder, { opendir($0) }) else { return nil }
        defer { closedir(dir) }
        var names: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                FileName.string(fromBytes: raw.prefix { $0 != 0 })
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == DT_DIR
            if Int32(entry.pointee.d_type) == DT_UNKNOWN {
                // Some file systems do not say: ask without following a link.
                var info = stat()
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                isFolder = FileName.withCString(path, { lstat($0, &info) }) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            names.append((name, isFolder))
        }
        return names
    }
}
