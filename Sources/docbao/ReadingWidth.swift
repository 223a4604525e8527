import ArgumentParser

/// The one rule for `--width`, wherever it is accepted.
enum ReadingWidth {
    static let minimum = 10
    /// Wider than any terminal; it keeps right-aligned lines from asking for absurd indents.
    static let maximum = 1000

    static func validate(_ width: Int) throws {
        guard (minimum...maximum).contains(width) else {
            throw ValidationError("--width must be between \(minimum) and \(maximum)")
        }
    }
}
