import Foundation

/// A value handed over exactly once, between threads: `take()` returns it and lets go of it.
final class HandOver<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    init(_ value: Value) { self.value = value }

    func take() -> Value {
        lock.withLock {
            defer { value = nil }
            return value!
        }
    }
}
