import Foundation
import GRDB

/// The positions and marks of files read where they are (`docbao FILE`), kept by the files'
/// content keys (`ContentKey`) apart from the library's articles: such a file is never listed,
/// searched or counted as an article unless it is added.
extension LibraryStore {
    /// How many files' positions are kept: the ones read least recently beyond it are forgotten
    /// (their marks too), so a library used as a pager for years does not grow without end.
    public static let keptFiles = 1000

    public func filePosition(_ file: String) throws(LibraryError) -> ReadingPosition? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT offset, progress FROM file_reading WHERE file = ?", arguments: [file])
                .map { ReadingPosition(offset: $0[0], progress: $0[1]) }
        }
    }

    /// Keeps where the reader is in the file of content key `file`, opened from `path` (absolute).
    public func saveFilePosition(_ file: String, path: String, _ position: ReadingPosition,
                                 now: Double = Date().timeIntervalSince1970) throws(LibraryError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO file_reading (file, path, offset, progress, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(file) DO UPDATE SET path = excluded.path, offset = excluded.offset,
                    progress = excluded.progress, at = excluded.at
                """, arguments: [file, path, position.offset, min(1, max(0, position.progress)), now])
            try db.execute(sql: """
                DELETE FROM file_mark WHERE file IN
                    (SELECT file FROM file_reading ORDER BY at DESC, file LIMIT -1 OFFSET ?);
                DELETE FROM file_reading WHERE file IN
                    (SELECT file FROM file_reading ORDER BY at DESC, file LIMIT -1 OFFSET ?);
                """, arguments: [Self.keptFiles, Self.keptFiles])
        }
    }

    /// The file's marks: letter → UTF-8 offset in its text.
    public func fileMarks(_ file: String) throws(LibraryError) -> [Character: Int] {
        try read { db in try Self.marks(db, of: .file, file) }
    }

    /// Replaces the file's marks with `marks`.
    public func saveFileMarks(_ file: String, _ marks: [Character: Int]) throws(LibraryError) {
        try write { db in try Self.saveMarks(db, of: .file, file, marks) }
    }

    /// Whether a position or marks are kept under a content key starting with `prefix`
    /// (`ContentKey.prefix`: the files of one size).
    public func keepsFiles(keyedFrom prefix: String) throws(LibraryError) -> Bool {
        let end = String(prefix.dropLast()) + "."  // the keys that start with `prefix` sort before it
        return try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM file_reading WHERE file >= ?1 AND file < ?2)
                    OR EXISTS (SELECT 1 FROM file_mark WHERE file >= ?1 AND file < ?2)
                """, arguments: [prefix, end]) ?? false
        }
    }

    /// The file read last, when it was read after every library article: its path and content key.
    public func lastReadFile() throws(LibraryError) -> (path: String, file: String)? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT path, file FROM file_reading WHERE at > coalesce((SELECT max(at) FROM reading), 0)
                ORDER BY at DESC LIMIT 1
                """).map { (path: $0[0], file: $0[1]) }
        }
    }
}
