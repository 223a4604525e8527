import DocBaoApp
import DocBaoCore

extension OpenArticle {
    /// An article as `ArticleSource` loaded it (a huge one as its preview and what imports the whole).
    init(loaded: ArticleSource.Loaded, search: (query: String, options: SearchOptions)? = nil, keeper: PositionKeeper? = nil) {
        self.init(article: loaded.article, notice: loaded.notice, tailStart: loaded.tailStart, whole: loaded.whole,
                  search: search, keeper: keeper)
        middle = loaded.middle
    }
}
