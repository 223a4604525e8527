/// Facts about an article that are not its text: where it comes from, who wrote it, when.
public struct ArticleMetadata: Equatable, Sendable, Codable {
    /// The publication or source name ("Chính Phủ", "Health").
    public var sourceName: String?
    /// The address of the original article.
    public var url: String?
    /// The author line as printed.
    public var byline: String?
    /// The publication date as given by the source ("20210424", "2017-02-01").
    public var date: String?
    /// Any other `# key = value` header the file carried (doc_id …), verbatim.
    public var extra: [String: String]

    public init(sourceName: String? = nil, url: String? = nil, byline: String? = nil,
                date: String? = nil, extra: [String: String] = [:]) {
        self.sourceName = sourceName
        self.url = url
        self.byline = byline
        self.date = date
        self.extra = extra
    }
}
