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

    /// "24/04/2021 · Chính Phủ · https://…": what the article carries, for the line under its title
    /// (the date as the library view shows it). Nil when it carries none of them.
    public var summaryLine: String? {
        let date = date.map { LibraryDate.parse($0)?.label ?? $0 }
        let parts = [date, sourceName, url].compactMap { $0.map(TerminalSafe.line) }.filter { !$0.allSatisfy(\.isWhitespace) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    public init(sourceName: String? = nil, url: String? = nil, byline: String? = nil,
                date: String? = nil, extra: [String: String] = [:]) {
        self.sourceName = sourceName
        self.url = url
        self.byline = byline
        self.date = date
        self.extra = extra
    }
}
