import Foundation

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read with JSONSerialization so that a
/// field of the wrong type is skipped rather than failing the feed.
enum JSONFeedReader {
    /// Whether `object` is a JSON Feed: its `version` is a jsonfeed.org URL (docbao's own JSON
    /// article model has a number there).
    static func isJSONFeed(_ object: Any) -> Bool {
        guard let dictionary = object as? [String: Any], let version = dictionary["version"] as? String else { return false }
        return version.hasPrefix("https://jsonfeed.org/version/") || version.hasPrefix("http://jsonfeed.org/version/")
    }

    static func read(_ object: Any, baseURL: String?) -> Feed {
        let top = object as? [String: Any] ?? [:]
        var feed = Feed(format: .json)
        let base = (top["feed_url"] as? String).flatMap { URL(string: $0) } ?? baseURL.flatMap { URL(string: $0) }
        func resolve(_ value: Any?) -> String? {
            guard let text = (value as? String)?.nonBlank else { return nil }
            return URL(string: text, relativeTo: base)?.absoluteString ?? text
        }
        feed.title = (top["title"] as? String).map(FeedHTML.collapse)?.nonBlank
        feed.link = resolve(top["home_page_url"])
        feed.id = (top["feed_url"] as? String)?.nonBlank
        feed.author = person(top)
        feed.summary = (top["description"] as? String)?.nonBlank.map { FeedText(.text, $0) }
        feed.language = (top["language"] as? String)?.nonBlank
        for item in top["items"] as? [Any] ?? [] {
            guard let item = item as? [String: Any] else { continue }
            var entry = FeedEntry()
            entry.title = (item["title"] as? String).map(FeedHTML.collapse)?.nonBlank
            entry.link = resolve(item["url"]) ?? resolve(item["external_url"])
            entry.id = (item["id"] as? String)?.nonBlank ?? (item["id"] as? NSNumber).map { "\($0)" }
            entry.author = person(item) ?? feed.author
            entry.summary = (item["summary"] as? String)?.nonBlank.map { FeedText(.text, $0) }
            if let html = (item["content_html"] as? String)?.nonBlank { entry.content = FeedText(.html, html) }
            else if let text = (item["content_text"] as? String)?.nonBlank { entry.content = FeedText(.text, text) }
            entry.published = (item["date_published"] as? String).flatMap(FeedDate.parse)
            entry.updated = (item["date_modified"] as? String).flatMap(FeedDate.parse)
            entry.categories = (item["tags"] as? [Any] ?? []).compactMap { ($0 as? String)?.nonBlank }
            for attachment in item["attachments"] as? [Any] ?? [] {
                guard let attachment = attachment as? [String: Any], let url = resolve(attachment["url"]) else { continue }
                entry.enclosures.append(FeedEnclosure(url: url, type: (attachment["mime_type"] as? String)?.nonBlank,
                                                      length: (attachment["size_in_bytes"] as? NSNumber)?.intValue))
            }
            feed.entries.append(entry)
        }
        return feed
    }

    /// 1.1's `authors` (the first), or 1.0's `author`.
    private static func person(_ object: [String: Any]) -> FeedPerson? {
        let author = (object["authors"] as? [Any])?.first as? [String: Any] ?? object["author"] as? [String: Any]
        guard let author else { return nil }
        let person = FeedPerson(name: (author["name"] as? String).map(FeedHTML.collapse)?.nonBlank, email: nil,
                                uri: (author["url"] as? String)?.nonBlank)
        return person.isEmpty ? nil : person
    }
}
