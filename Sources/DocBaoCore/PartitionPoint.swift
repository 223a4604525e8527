extension RandomAccessCollection where Index == Int {
    /// The first index whose element does not satisfy `isBefore`, a predicate that holds for a
    /// prefix of the collection and for nothing after it (in a sorted collection: "comes before
    /// x"); `endIndex` when it holds for every element. A binary search: O(log n).
    ///
    /// "The last element at or before x" is `partitionPoint { $0 <= x } - 1`.
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if isBefore(self[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
