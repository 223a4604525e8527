/// Why a JSON article could not be read: a clear message, and for malformed JSON where it went wrong.
public struct ArticleJSONError: Error, CustomStringConvertible, Equatable {
    /// The whole message, position included ("malformed JSON at line 3, column 7: expected ',' or ']'").
    public let message: String
    /// For malformed JSON, the line (from 1) where the error was noticed.
    public let line: Int?
    /// For malformed JSON, the column (from 1, in characters) where the error was noticed.
    public let column: Int?

    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { message }
}
