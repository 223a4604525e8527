import ArgumentParser

/// The one rule for `--width`, wherever it is accepted.
enum ReadingWidth {
    static let minimum = 10

    static func validate(_ width: Int) throws {
        guard width >= minimum else { throw ValidationError("--width must be at least \(minimum)") }
    }
}
