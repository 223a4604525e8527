import Foundation

/// A value passed between threads: put once (or given at the start), taken once; `take()` lets go
/// of it, so a 100 MB input is freed as soon as its reader has it.
public final class Mailbox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    public init(_ value: Value? = nil) { self.value = value }

    public func put(_ newValue: Value) {
        lock.withLock { value = newValue }
    }

    /// The value, if there is one yet; later calls return nil.
    public func take() -> Value? {
        lock.withLock {
            defer { value = nil }
            return value
        }
    }
}
