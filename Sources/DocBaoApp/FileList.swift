import DocBaoCore
import Foundation

/// The files named on the command line (`docbao a.txt b.txt c.txt`), read one at a time; `:n` and
/// `:p` go to the next and the previous one, as in less.
public struct FileList {
    public let paths: [String]
    /// The one being read.
    public var index: Int
    /// Opens the file at a path (its position and marks kept), or says why it cannot be read.
    let open: (String) -> Result<OpenArticle, FileError>

    public struct FileError: Error {
        public let reason: String
        public init(_ reason: String) { self.reason = reason }
    }

    public init(paths: [String], index: Int = 0, open: @escaping (String) -> Result<OpenArticle, FileError>) {
        self.paths = paths
        self.index = index
        self.open = open
    }

    /// "Tệp 2/3: b.txt", for the status line when the file opens (its name neutralised).
    public func label(_ index: Int) -> String {
        "Tệp \(index + 1)/\(paths.count): \(TerminalSafe.line(FileName.readable((paths[index] as NSString).lastPathComponent)))"
    }

    /// What the status line says when :n or :p would leave the list; nil when `to` is in it.
    func end(_ to: Int) -> String? {
        if to >= paths.count { return "Đây là tệp cuối (\(paths.count)/\(paths.count)): :p về tệp trước" }
        if to < 0 { return "Đây là tệp đầu (1/\(paths.count)): :n sang tệp sau" }
        return nil
    }
}
