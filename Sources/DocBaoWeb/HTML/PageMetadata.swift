import Foundation

/// What a page says about its article outside the text, read as Readability reads it: JSON-LD
/// (schema.org Article types) first, then `<meta>` (Dublin Core, Open Graph, Twitter, Parsely,
/// plain names), then the document's `<title>` without the site's suffix, or its `<h1>`.
struct PageMetadata {
    var title: String?
    var byline: String?
    var excerpt: String?
    var siteName: String?
    var published: String?
    var canonical: String?
    /// The address relative links are resolved against (`<base href>`, else the canonical URL).
    var base: URL?

    init(_ tree: HTMLTree) {
        var values: [String: String] = [:]
        var documentTitle = ""
        var h1s: [String] = []
        var baseHref: String?
        var node = tree.root
        while node >= 0 {
            let element = tree[node]
            switch element.name {
            case "meta":
                let content = tree.attribute("content", of: node).map(HTMLTree.collapse) ?? ""
                if !content.isEmpty {
                    if let property = tree.attribute("property", of: node) {
                        for name in property.lowercased().split(whereSeparator: \.isWhitespace) where Self.isKnownProperty(name) {
                            values[String(name)] = content
                        }
                    }
                    if let name = tree.attribute("name", of: node).flatMap(Self.normalisedName) { values[name] = content }
                    if let itemprop = tree.attribute("itemprop", of: node)?.lowercased(), values["itemprop:" + itemprop] == nil {
                        values["itemprop:" + itemprop] = content
                    }
                }
            case "title" where documentTitle.isEmpty: documentTitle = tree.innerText(node)
            case "h1": h1s.append(tree.innerText(node))
            case "base" where baseHref == nil: baseHref = tree.attribute("href", of: node)
            case "link" where canonical == nil && tree.attribute("rel", of: node)?.lowercased() == "canonical":
                canonical = tree.attribute("href", of: node)
            case "time" where values["time"] == nil:
                if let datetime = tree.attribute("datetime", of: node), !datetime.isEmpty { values["time"] = datetime }
            default: break
            }
            node = tree.following(node)
        }
        let ld = Self.jsonLD(tree.jsonLD, documentTitle: documentTitle)
        func first(_ keys: String...) -> String? { keys.lazy.compactMap { values[$0] }.first { !$0.isEmpty } }
        title = ld.title ?? first("dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
                                  "title", "twitter:title", "parsely-title")
        if title == nil || title!.isEmpty { title = Self.articleTitle(documentTitle, h1s: h1s) }
        byline = ld.byline ?? first("dc:creator", "dcterm:creator", "author", "parsely-author")
        excerpt = ld.excerpt ?? first("dc:description", "dcterm:description", "og:description", "weibo:article:description",
                                      "weibo:webpage:description", "description", "twitter:description")
        siteName = ld.siteName ?? first("og:site_name")
        published = ld.published ?? first("article:published_time", "parsely-pub-date", "itemprop:datepublished", "time")
        if canonical == nil { canonical = first("og:url") }
        base = (baseHref ?? canonical).flatMap { URL(string: $0.trimmingCharacters(in: .whitespaces)) }
        if let b = baseHref, let c = canonical.flatMap({ URL(string: $0) }) { base = URL(string: b, relativeTo: c)?.absoluteURL }
    }

    /// Readability's property pattern: `(article|dc|dcterm|og|twitter):(author|creator|description|published_time|title|site_name)`.
    private static func isKnownProperty(_ name: Substring) -> Bool {
        let parts = name.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return false }
        return ["article", "dc", "dcterm", "og", "twitter"].contains(parts[0])
            && ["author", "creator", "description", "published_time", "title", "site_name"].contains(parts[1])
    }

    /// Readability's name pattern, normalised: lower case, no spaces, "." as ":".
    private static func normalisedName(_ raw: String) -> String? {
        let name = raw.lowercased().filter { !$0.isWhitespace }.replacing(".", with: ":")
        let known = ["author", "creator", "pub-date", "description", "title", "site_name"]
        if known.contains(name) { return name }
        for prefix in ["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"] {
            for separator in [":", "-"] where name.hasPrefix(prefix + separator) {
                let rest = String(name.dropFirst(prefix.count + 1))
                if known.contains(rest) { return prefix + (prefix == "parsely" ? "-" : ":") + rest }
            }
        }
        return nil
    }

    /// Readability's `_getArticleTitle`: the `<title>` without the site's name after a separator
    /// (" | ", " - ", " – ", " — ", " / ", " » "…) or before ": ", unless that leaves too few words;
    /// the only `<h1>` when the title is very long or very short.
    static func articleTitle(_ original: String, h1s: [String]) -> String? {
        var title = original.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = { (s: String) in s.split(whereSeparator: \.isWhitespace).count }
        var hierarchical = false
        var cutAtSeparator = false
        let separators = [" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "]
        if let last = separators.compactMap({ title.range(of: $0, options: .backwards) }).max(by: { $0.lowerBound < $1.lowerBound }) {
            hierarchical = [" \\ ", " / ", " > ", " » "].contains(String(title[last]))
            cutAtSeparator = true
            title = String(original[..<last.lowerBound]).trimmingCharacters(in: .whitespaces)
            if words(title) < 3, let firstRange = separators.compactMap({ original.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                title = String(original[firstRange.upperBound...]).trimmingCharacters(in: .whitespaces)
            }
        } else if title.contains(": ") {
            if !h1s.contains(where: { $0.trimmingCharacters(in: .whitespaces) == title }) {
                let after = String(title[title.range(of: ": ", options: .backwards)!.upperBound...])
                if words(after) < 3 {
                    title = String(title[title.range(of: ": ")!.upperBound...])
                } else if words(String(title[..<title.range(of: ": ")!.lowerBound])) > 5 {
                    title = original
                } else {
                    title = after
                }
            }
        } else if title.count > 150 || title.count < 15, h1s.count == 1 {
            title = h1s[0]
        }
        title = HTMLTree.collapse(title)
        let count = words(title)
        if count <= 4 && (!hierarchical || count != words(original.filter { !"|-–—\\/>»".contains($0) }) - 1) {
            // Readability keeps a short title whole, unless (docbao's rule) the page's own headline
            // is that short title: then the rest was the site's name.
            let cut = HTMLTree.collapse(title)
            title = cutAtSeparator && h1s.contains(where: { HTMLTree.collapse($0) == cut }) ? cut : HTMLTree.collapse(original)
        }
        return title.isEmpty ? (h1s.first.map(HTMLTree.collapse)) : title
    }

    /// Title, author, description, publisher and date from the first schema.org Article in JSON-LD.
    private static func jsonLD(_ scripts: [String], documentTitle: String)
        -> (title: String?, byline: String?, excerpt: String?, siteName: String?, published: String?)
    {
        let types: Set<String> = ["Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
                                  "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
                                  "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
                                  "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting",
                                  "TechArticle", "APIReference"]
        for script in scripts {
            let cleaned = script.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let data = cleaned.data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            var objects: [[String: Any]] = []
            if let array = value as? [Any] { objects = array.compactMap { $0 as? [String: Any] } }
            else if let object = value as? [String: Any] {
                objects = [object]
                if let graph = object["@graph"] as? [Any] { objects += graph.compactMap { $0 as? [String: Any] } }
            }
            for object in objects {
                let type = object["@type"]
                let typeNames = (type as? String).map { [$0] } ?? (type as? [String]) ?? []
                guard typeNames.contains(where: types.contains) else { continue }
                var title: String?
                let name = (object["name"] as? String).map(HTMLTree.collapse)
                let headline = (object["headline"] as? String).map(HTMLTree.collapse)
                if let name, let headline, name != headline {
                    title = headline == HTMLTree.collapse(documentTitle) || !(name == HTMLTree.collapse(documentTitle)) ? headline : name
                    if name == HTMLTree.collapse(documentTitle) { title = name }
                } else {
                    title = headline ?? name
                }
                var byline: String?
                if let author = object["author"] as? [String: Any] { byline = author["name"] as? String }
                else if let authors = object["author"] as? [Any] {
                    let names = authors.compactMap { ($0 as? [String: Any])?["name"] as? String }.map { $0.trimmingCharacters(in: .whitespaces) }
                    if !names.isEmpty { byline = names.joined(separator: ", ") }
                } else if let author = object["author"] as? String { byline = author }
                let publisher = (object["publisher"] as? [String: Any])?["name"] as? String
                return (title.flatMap { $0.isEmpty ? nil : $0 }, byline.map(HTMLTree.collapse),
                        (object["description"] as? String).map(HTMLTree.collapse), publisher.map(HTMLTree.collapse),
                        object["datePublished"] as? String)
            }
        }
        return (nil, nil, nil, nil, nil)
    }
}
