import Foundation

/// Work spread over a few threads of its own: fetching waits on the network, not the cores, so
/// `DispatchQueue.concurrentPerform` (one thread per core) would fetch two at a time on two cores.
enum Parallel {
    /// Runs `body(i)` for every i in 0..<count on at most `width` threads, and returns when all are done.
    static func forEach(_ count: Int, width: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<min(max(1, width), count) {
            group.enter()
            let thread = Thread {
                while let i = next.take(below: count) { body(i) }
                group.leave()
            }
            // The HTML importer needs no deep stack (no recursion), libxml2 a little.
            thread.stackSize = 4 << 20
            thread.start()
        }
        group.wait()
    }

    /// The next index to take, shared by the threads.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below count: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < count else { return nil }
            value += 1
            return value - 1
        }
    }
}

/// At most `width` fetches at once, whatever asks for them (feeds and pages alike).
final class FetchSlots: @unchecked Sendable {
    private let semaphore: DispatchSemaphore

    init(_ width: Int) { semaphore = DispatchSemaphore(value: max(1, width)) }

    func with<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return try body()
    }
}

/// Values set from several threads, each slot by one.
final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Value) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }

    var all: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
