/// The words in a `class` or `id` that hint at what an element is, as Mozilla Readability reads
/// them (its regular expressions, written as lists of parts to look for in the lower-cased names).
/// Site shapes may add to them (`ContentHints.standard` with more words); an unknown site is read
/// with these alone.
public struct ContentHints: Sendable {
    /// Parts of names of boilerplate (menus, comments, footers…): removed before scoring unless the
    /// name also has one of `maybeContent`.
    public var unlikely: [String]
    public var maybeContent: [String]
    /// Names that add 25 to an element's weight.
    public var positive: [String]
    /// Names that take 25 from it.
    public var negative: [String]
    /// Names of an author line.
    public var byline: [String]
    /// ARIA roles of boilerplate.
    public var unlikelyRoles: Set<String>

    public static let standard = ContentHints(
        unlikely: ["-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
                   "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox",
                   "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager",
                   "popup", "yom-remote"],
        maybeContent: ["and", "article", "body", "column", "content", "main", "shadow"],
        positive: ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
                   "blog", "story"],
        negative: ["-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "footnote", "gdpr",
                   "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
                   "skyscraper", "sponsor", "shopping", "tags", "widget"],
        byline: ["byline", "author", "dateline", "writtenby", "p-author"],
        unlikelyRoles: ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"])

    public init(unlikely: [String], maybeContent: [String], positive: [String], negative: [String], byline: [String],
                unlikelyRoles: Set<String>) {
        self.unlikely = unlikely
        self.maybeContent = maybeContent
        self.positive = positive
        self.negative = negative
        self.byline = byline
        self.unlikelyRoles = unlikelyRoles
    }

    /// Whether `name` (lower case) contains one of `parts`. ASCII in ASCII is compared byte by
    /// byte (Foundation's search, for every element of a page and every part, was a sixth of a
    /// 5 MB page's instructions); other text keeps Foundation's comparison.
    static func matches(_ name: String, _ parts: [String]) -> Bool {
        guard !name.isEmpty else { return false }
        var name = name
        let ascii = name.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
        return parts.contains { part in
            var part = part
            guard ascii, !part.isEmpty, part.withUTF8({ $0.allSatisfy { $0 < 0x80 } }) else { return name.contains(part) }
            return name.withUTF8 { haystack in part.withUTF8 { Self.bytes(haystack, contain: $0) } }
        }
    }

    /// Whether `needle` (not empty) occurs in `haystack`.
    private static func bytes(_ haystack: UnsafeBufferPointer<UInt8>, contain needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Readability's "hid" words: the whole name, or a word of it.
    static func isHid(_ name: String) -> Bool {
        name.split(separator: " ").contains("hid")
    }

    /// Readability's class weight: -25/+25 for the class, the same for the id.
    func weight(className: String, id: String) -> Double {
        var weight = 0.0
        for name in [className.lowercased(), id.lowercased()] where !name.isEmpty {
            if Self.matches(name, negative) || Self.isHid(name) { weight -= 25 }
            if Self.matches(name, positive) { weight += 25 }
        }
        return weight
    }
}
