/// An article's blocks folded for search, computed once per block on first use.
public final class SearchIndex {
    public let article: Article
    private var folded: [Int: VietnameseFolding.Folded] = [:]

    public init(article: Article) { self.article = article }

    /// The folded text of block `index`.
    public func folded(_ index: Int) -> VietnameseFolding.Folded {
        if let cached = folded[index] { return cached }
        let f = VietnameseFolding.fold(article.blocks[index].text)
        folded[index] = f
        return f
    }

    /// Every match of `matcher` in the article, in reading order.
    public func matches(_ matcher: Matcher) -> [SearchMatch] {
        guard !matcher.isEmpty else { return [] }
        var result: [SearchMatch] = []
        for b in article.blocks.indices {
            let f = folded(b)
            for r in matcher.ranges(in: f) {
                result.append(SearchMatch(block: b, start: Int(f.offsets[r.lowerBound]), end: Int(f.offsets[r.upperBound])))
            }
        }
        return result
    }
}
