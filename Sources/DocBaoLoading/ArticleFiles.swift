import DocBaoCore
import Foundation

/// A file that was not read as an article, and why.
public struct SkippedFile: Error, Equatable, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// The article files under paths given on the command line (`add FILE|DIR...`, `docbao DIR`).
public enum ArticleFiles {
    /// The extensions a folder's articles have, for messages: ".txt, .html, .htm, .xhtml or .json" (plain text first).
    public static var extensionsPhrase: String {
        let names = ArticleImporters.all.reversed().flatMap(\.extensions).map { "." + $0 }
        return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// The files to read under `paths`: a file as given (whatever its name), a folder's files with
    /// an article extension (`ArticleImporters.extensions`: .txt, .json, .html, .htm, .xhtml) at any depth, hidden ones
    /// left out, in name order. Paths that do not exist or cannot be read are skipped with the reason.
    public static func find(in paths: [String]) -> (files: [String], skipped: [SkippedFile]) {
        var files: [String] = [], skipped: [SkippedFile] = []
        for path in paths {
            let info: stat
            do { info = try FileBytes.status(path) } catch {
                skipped.append(SkippedFile(path: path, reason: error.description))
                continue
            }
            let type = Platform.fileType(info)
            guard type == .directory else {
                // A device or a pipe named on the command line: /dev/zero has no end.
                if type == .regular { files.append(path) } else {
                    skipped.append(SkippedFile(path: path, reason: "not a regular file"))
                }
                continue
            }
            guard let entries = FolderWalk.entries(under: path) else {
                skipped.append(SkippedFile(path: path, reason: "cannot be read"))
                continue
            }
            var found: [String] = []
            for full in entries {
                guard ArticleImporters.importer(forName: (full as NSString).lastPathComponent) != nil else { continue }
                // Only regular files (or links to them): a named pipe called x.txt would never end.
                guard Platform.fileType(atPath: full) == .regular else {
                    skipped.append(SkippedFile(path: full, reason: "not a regular file"))
                    continue
                }
                found.append(full)
            }
            files += found.sorted()
        }
        return (files, skipped)
    }
}
