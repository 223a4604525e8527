import Foundation

/// One feed of an OPML subscription list: what other readers export (newsboat's `newsboat -e`,
/// Feedly, Inoreader, Thunderbird, FreshRSS, Miniflux) and what `docbao feed export` writes.
/// Strings are as the file wrote them (entities decoded, white space collapsed); nothing here is
/// cleaned for the terminal: whoever prints them does (`TerminalText`).
public struct OPMLOutline: Sendable, Equatable {
    /// The feed's address: absolute http or https (`feed:` addresses read as theirs).
    public var xmlURL: String
    /// The name the reader showed: the outline's `text`, else its `title`; nil when it has neither
    /// or only repeats the address.
    public var title: String?
    /// The site's page, when it is an http or https address.
    public var htmlURL: String?
    /// The titles of the outlines it sits in, outermost first (Feedly's and Thunderbird's folders).
    public var categories: [String]

    public init(xmlURL: String, title: String? = nil, htmlURL: String? = nil, categories: [String] = []) {
        self.xmlURL = xmlURL
        self.title = title
        self.htmlURL = htmlURL
        self.categories = categories
    }
}

/// An OPML file read: its feeds in the file's order, and the outlines that looked like feeds but
/// were left out, each with why (for the import's summary).
public struct OPMLDocument: Sendable, Equatable {
    public var title: String?
    public var outlines: [OPMLOutline] = []
    public var skipped: [OPMLSkipped] = []

    public init(title: String? = nil, outlines: [OPMLOutline] = [], skipped: [OPMLSkipped] = []) {
        self.title = title
        self.outlines = outlines
        self.skipped = skipped
    }
}

/// An outline left out: its name (or address) and the reason, in words for the summary.
public struct OPMLSkipped: Sendable, Equatable {
    public var name: String
    public var reason: String
}

/// Why a file is not read as OPML. Nothing of such a file is imported.
public enum OPMLError: Error, Equatable, Sendable {
    /// Nothing but white space.
    case empty
    /// Not well-formed XML: libxml2's message and the line.
    case notXML(line: Int, message: String)
    /// A DTD that declares entities or names an external DTD: never expanded or loaded, and no
    /// feed reader's export has one (the entity bomb, the external entity that reads a file).
    case declarations(String)
    /// An HTML page.
    case htmlPage
    /// A feed itself, not a list of feeds.
    case feed
    /// XML of another kind: names its root element.
    case notOPML(String)

    /// In words, for `docbao feed import FILE: …`.
    public var reason: String {
        switch self {
        case .empty: return "empty: not an OPML file"
        case .notXML(let line, let message): return "not well-formed XML, so not OPML (line \(line): \(message))"
        case .declarations(let what):
            return "\(what): docbao never loads or expands them, and feed readers' exports have none; nothing imported"
        case .htmlPage: return "an HTML page, not an OPML file"
        case .feed: return "a feed, not an OPML list of feeds (subscribe to it: docbao feed add FILE-OR-URL)"
        case .notOPML(let root): return "not an OPML file (its root element is <\(root)>, not <opml>)"
        }
    }
}

/// OPML 1.0 and 2.0 subscription lists, read (`parse`, libxml2 through `LibXML`, loading nothing)
/// and written (`document`). Bytes in, model out; no I/O.
public enum OPML {
    /// The feeds of an OPML file: every outline with an `xmlUrl` (in any letter case), at any
    /// depth, whatever its `type`; `feed:` addresses as http(s); an address listed twice once.
    public static func parse(_ bytes: [UInt8]) throws(OPMLError) -> OPMLDocument {
        let raw = try OPMLReader.read(bytes)
        var document = OPMLDocument(title: raw.title)
        var seen = Set<String>()
        for outline in raw.outlines {
            let name = outline.title ?? outline.xmlURL
            guard let url = feedAddress(outline.xmlURL) else {
                let reason = outline.xmlURL.isEmpty ? "no address"
                    : outline.xmlURL.lowercased().hasPrefix("file:") ? "a file on this computer (\(outline.xmlURL)): docbao feed add FILE subscribes to one, an OPML file does not"
                    : "not an http or https address (\(outline.xmlURL))"
                document.skipped.append(OPMLSkipped(name: name, reason: reason))
                continue
            }
            guard seen.insert(url).inserted else {
                document.skipped.append(OPMLSkipped(name: name, reason: "listed twice in the file"))
                continue
            }
            var feed = outline
            feed.xmlURL = url
            if feed.title == outline.xmlURL || feed.title == url { feed.title = nil }
            feed.htmlURL = outline.htmlURL.flatMap(feedAddress)
            document.outlines.append(feed)
        }
        document.skipped += raw.skipped
        return document
    }

    /// `address` as a feed's address: absolute http or https with a host; `feed://host/…` and
    /// `feed:https://…` (old readers' scheme) as http(s). Nil for anything else (newsboat's `exec:`,
    /// `filter:` and `query:` feeds, relative paths, `javascript:`).
    public static func feedAddress(_ address: String) -> String? {
        var text = address.trimmed
        let lower = text.lowercased()
        if lower.hasPrefix("feed://") {
            text = "http://" + text.dropFirst("feed://".count)
        } else if lower.hasPrefix("feed:http://") || lower.hasPrefix("feed:https://") {
            text = String(text.dropFirst("feed:".count))
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        return text
    }

    // MARK: Writing

    /// An OPML 2.0 document in UTF-8 listing `outlines` (folders for their categories), as
    /// newsboat and Feedly write theirs: `type="rss"`, `text` and `title` the name, `xmlUrl`,
    /// `htmlUrl`. Well formed whatever the strings hold: `& < > "` escaped, characters XML
    /// forbids (C0 controls, U+FFFE, U+FFFF) written as U+FFFD.
    public static func document(title: String, outlines: [OPMLOutline], created: Date) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head>
                <title>\(escape(title))</title>
                <dateCreated>\(rfc822(created))</dateCreated>
                <docs>http://opml.org/spec2.opml</docs>
              </head>
              <body>

            """
        var open: [String] = []
        for outline in outlines {
            let shared = zip(open, outline.categories).prefix { $0 == $1 }.count
            while open.count > shared {
                open.removeLast()
                out += String(repeating: "  ", count: open.count + 2) + "</outline>\n"
            }
            for category in outline.categories[shared...] {
                out += String(repeating: "  ", count: open.count + 2)
                out += "<outline text=\"\(escape(category))\" title=\"\(escape(category))\">\n"
                open.append(category)
            }
            let name = escape(outline.title ?? outline.xmlURL)
            out += String(repeating: "  ", count: open.count + 2)
            out += "<outline type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(escape(outline.xmlURL))\""
            if let site = outline.htmlURL { out += " htmlUrl=\"\(escape(site))\"" }
            out += "/>\n"
        }
        while !open.isEmpty {
            open.removeLast()
            out += String(repeating: "  ", count: open.count + 2) + "</outline>\n"
        }
        return out + "  </body>\n</opml>\n"
    }

    /// Text for an attribute or an element: markup escaped; tabs and line ends as references (an
    /// attribute's would become spaces); what XML 1.0 cannot hold as U+FFFD; DEL, C1 and bidi
    /// controls as references, so that the file says the same but holds no byte a terminal obeys
    /// (the export may go to one).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x09, 0x0A, 0x0D: out += "&#\(scalar.value);"
            case 0..<0x20, 0xFFFE, 0xFFFF: out += "\u{FFFD}"
            case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                out += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// RFC 822 with a four-digit year, as OPML 2.0's dateCreated asks: "Mon, 07 Dec 2026 01:02:03 GMT".
    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
