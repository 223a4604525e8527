/// How a query matches text.
public struct SearchOptions: Equatable, Hashable, Sendable {
    /// The matching modes, switched with a key in the prompt.
    public enum Mode: String, CaseIterable, Sendable {
        /// Case-insensitive; the marks typed must be there, marks left out may be anything
        /// ("a" finds à ắ ậ…, "â" finds ấ ầ…, "d" finds đ, "đ" only đ).
        case smart
        /// Case and marks exactly as typed.
        case exact

        /// The mode's name as the prompt shows it.
        public var label: String { self == .smart ? "thông minh" : "chính xác" }
    }

    public var mode: Mode
    /// Only whole words: "an" does not match inside "Thanh".
    public var wholeWord: Bool

    public init(mode: Mode = .smart, wholeWord: Bool = false) {
        self.mode = mode
        self.wholeWord = wholeWord
    }
}

/// A match: a range of UTF-8 offsets in one block's text.
public struct SearchMatch: Equatable, Hashable, Sendable, Comparable {
    public var block: Int
    public var start: Int
    public var end: Int

    public init(block: Int, start: Int, end: Int) {
        self.block = block
        self.start = start
        self.end = end
    }

    public static func < (a: SearchMatch, b: SearchMatch) -> Bool { (a.block, a.start) < (b.block, b.start) }
}
