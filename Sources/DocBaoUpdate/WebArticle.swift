import DocBaoCore
import DocBaoLoading
import DocBaoStore
import Foundation

/// A fetched page made ready for the library (`docbao add URL`, and the page behind a feed's
/// entry), its address kept as its path.
public enum WebArticle {
    /// The page read as `ArticleLoader` reads a file, or why it is not an article.
    public static func prepare(_ fetched: FetchedBytes) -> Result<PreparedArticle, SkippedFile> {
        do {
            return .success(try prepared(ArticleLoader.loadFetched(fetched).article, fetched))
        } catch let error as LoadError {
            return .failure(SkippedFile(path: fetched.address, reason: error.reason))
        } catch {
            return .failure(SkippedFile(path: fetched.address, reason: "\(error)"))
        }
    }

    /// `article`, read from `fetched`, ready for the library; titled by the address's last part
    /// (or its host) when it has no title.
    static func prepared(_ article: Article, _ fetched: FetchedBytes) throws -> PreparedArticle {
        let address = fetched.address
        let url = URL(string: address)
        let name = url.map { $0.lastPathComponent.isEmpty || $0.lastPathComponent == "/" ? ($0.host ?? address) : $0.lastPathComponent } ?? address
        return try PreparedArticle(article: article, original: fetched.bytes, path: address, fallbackTitle: name)
    }
}
