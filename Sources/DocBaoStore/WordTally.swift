/// How many articles hold each folded word (`LibraryWords.words(ofFolded:)`'s words), counted over
/// many articles without a `String` or a `Set` per article: the words' bytes are kept once, in one
/// buffer, found again by a hash of their bytes, and each remembers the last article that counted
/// it. What `library check`, the words step and a batch of `docbao add` count the words with (a
/// `Set<String>` per article and a dictionary of `String`s made the check four times slower).
struct WordTally {
    /// The slots of an open-addressing table: a word's index + 1, 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 1 << 12)
    /// Every word's bytes, one after the other; word `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt32] = []
    /// How many articles counted so far hold each word.
    private(set) var counts: [Int32] = []
    /// The last article that counted each word (its number in this tally).
    private var lastArticle: [Int32] = []
    private var article: Int32 = 0

    /// How many distinct words.
    var count: Int { counts.count }

    /// Counts the distinct words of one more article's folded text.
    mutating func add(folded: String) {
        article += 1
        LibraryWords.forEachWord(inFolded: folded) { add(word: $0) }
    }

    /// Word `i`.
    func word(_ i: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(starts[i])..<Int(starts[i + 1])]), as: UTF8.self) }
    }

    /// Every word with the number of articles that hold it.
    var dictionary: [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(count)
        for i in 0..<count { result[word(i)] = Int(counts[i]) }
        return result
    }

    private mutating func add(word: UnsafeBufferPointer<UInt8>) {
        var h: UInt32 = 0x811C_9DC5
        for b in word { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        let mask = slots.count - 1
        var s = Int(h) & mask
        while true {
            let i = Int(slots[s]) - 1
            if i < 0 { break }
            if hashes[i] == h && equal(i, word) {
                if lastArticle[i] != article {
                    lastArticle[i] = article
                    counts[i] += 1
                }
                return
            }
            s = (s + 1) & mask
        }
        slots[s] = Int32(counts.count + 1)
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        hashes.append(h)
        counts.append(1)
        lastArticle.append(article)
        if counts.count * 2 > slots.count { grow() }
    }

    private func equal(_ i: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[i]), end = Int(starts[i + 1])
        guard end - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var k = 0
            while k < word.count && stored[start + k] == word[k] { k += 1 }
            return k == word.count
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for i in 0..<counts.count {
            var s = Int(hashes[i]) & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(i + 1)
        }
    }
}
