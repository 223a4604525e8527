internal import CLibXML2

/// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0/0.3 out of one libxml2 tree. The formats share the
/// reading of an entry: each element is looked at by its namespace key and local name, the first
/// of its kind wins, and Atom, Dublin Core, content: and media: elements count wherever they occur
/// (atom:link in RSS, dc:creator in Atom).
enum XMLFeedReader {
    static func read(_ bytes: [UInt8], baseURL: String?) throws(FeedError) -> Feed {
        LibXML.prepare()
        guard let context = xmlNewParserCtxt() else { throw .notAFeed("not XML") }
        defer { xmlFreeParserCtxt(context) }
        // libxml2 (2.9) stops substituting every entity, &lt; and &amp; included, once it knows a
        // document is not well formed: after one stray `&` or bad character, the escaped HTML that
        // follows loses its brackets. Recovering, the document is read on as sound from each run
        // of text on (the flag is set after the error handler returns, so it is reset here).
        context.pointee.sax.pointee.characters = { context, characters, count in
            context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee.wellFormed = 1
            XMLFeedReader.defaultCharacters?(context, characters, count)
        }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), baseURL, nil, LibXML.xmlOptions)
            }
        }
        guard let document else { throw .notAFeed("not XML") }
        defer { xmlFreeDoc(document) }
        guard let rootNode = xmlDocGetRootElement(document) else { throw .notAFeed("no root element") }
        let root = XMLElement(node: rootNode)
        // A root in a namespace no format uses (an RSS 2.1 or a draft Atom) is read as its
        // format's: its elements count as RSS's or Atom's own.
        let rootSpace = root.space
        let foreign = rootSpace.contains(":") ? rootSpace : nil
        let name = root.name.lowercased()
        let atomLike = name == "feed" || name == "entry"
        let dialect = Dialect(foreign: foreign, plain: atomLike && rootSpace != "atom03" ? "atom" : atomLike ? "atom03" : "")
        switch (foreign == nil ? rootSpace : "", name) {
        case (_, "rss"), ("", "channel"):
            var feed = Feed(format: .rss)
            let channels = name == "channel" ? [root] : root.children.filter { $0.name == "channel" }
            for channel in channels { readChannel(channel, into: &feed, dialect) }
            // Items beside the channel (RSS 0.90 style, some 0.91 feeds).
            for child in root.children where child.name == "item" { feed.entries.append(readEntry(child, dialect)) }
            return feed
        case ("rdf", "rdf"):
            var feed = Feed(format: .rdf)
            for child in root.children {
                switch child.name {
                case "channel": readChannel(child, into: &feed, dialect)
                case "item": feed.entries.append(readEntry(child, dialect))
                default: break
                }
            }
            return feed
        case (_, "feed") where rootSpace != "xhtml":
            var feed = Feed(format: dialect.plain == "atom03" || root.attribute("version") == "0.3" ? .atom03 : .atom10)
            readChannel(root, into: &feed, dialect)
            return feed
        case ("atom", "entry"), ("atom03", "entry"):
            var feed = Feed(format: rootSpace == "atom03" ? .atom03 : .atom10)
            feed.entries.append(readEntry(root, dialect))
            return feed
        case (_, "html"), ("xhtml", _):
            throw .htmlPage
        default:
            throw .notAFeed("<\(root.name)>")
        }
    }

    /// libxml2's own handler for text (SAX2's), which the one above calls.
    nonisolated(unsafe) private static let defaultCharacters: charactersSAXFunc? = {
        guard let context = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(context) }
        return context.pointee.sax.pointee.characters
    }()

    /// How a document's elements without a known namespace are read: an Atom-like document's
    /// as Atom's, an RSS one's as RSS's; `foreign` is the root's unknown namespace, read the same.
    struct Dialect {
        var foreign: String?
        var plain: String

        func space(of element: XMLElement) -> String {
            let space = element.space
            return space == "" || space == foreign ? plain : space
        }
    }

    /// The channel's own fields, and its items or entries.
    private static func readChannel(_ channel: XMLElement, into feed: inout Feed, _ dialect: Dialect) {
        var fields = Fields(dialect: dialect)
        for child in channel.children {
            switch (dialect.space(of: child), child.name) {
            case ("", "item"), ("atom", "entry"), ("atom03", "entry"), ("", "entry"):
                feed.entries.append(readEntry(child, dialect))
            case ("", "items"): break  // RSS 1.0's table of contents: the items follow the channel.
            default: fields.take(child, channelLevel: true)
            }
        }
        if fields.id == nil, let about = channel.attribute("about", space: "rdf")?.nonBlank { fields.id = about }
        feed.title = feed.title ?? fields.title?.plain.nonBlank
        feed.link = feed.link ?? fields.link
        feed.id = feed.id ?? fields.id
        feed.author = feed.author ?? fields.author
        feed.summary = feed.summary ?? fields.summary ?? fields.content
        feed.published = feed.published ?? fields.published.flatMap(FeedDate.parse)
        feed.updated = feed.updated ?? fields.updated.flatMap(FeedDate.parse)
        feed.language = feed.language ?? fields.language ?? channel.attribute("lang", space: "http://www.w3.org/XML/1998/namespace")
    }

    private static func readEntry(_ item: XMLElement, _ dialect: Dialect) -> FeedEntry {
        var fields = Fields(dialect: dialect)
        for child in item.children { fields.take(child, channelLevel: false) }
        var entry = FeedEntry()
        entry.title = fields.title?.plain.nonBlank
        entry.id = fields.id ?? item.attribute("about", space: "rdf")?.nonBlank
        entry.link = fields.link ?? (fields.guidIsLink ? fields.id.map { item.resolve($0) } : nil)
        entry.author = fields.author
        entry.summary = fields.summary
        entry.content = fields.content
        entry.published = fields.published.flatMap(FeedDate.parse)
        entry.updated = fields.updated.flatMap(FeedDate.parse)
        entry.enclosures = fields.enclosures
        entry.categories = fields.categories
        return entry
    }

    /// What the children of a channel or an entry say, the first of each kind kept.
    private struct Fields {
        var title: FeedText?
        var link: String?
        var id: String?
        var guidIsLink = false
        var author: FeedPerson?
        var summary: FeedText?
        var content: FeedText?
        /// Dates as written: parsed when the entry is made (the first of each kind counts).
        var published: String?
        var updated: String?
        var language: String?
        var enclosures: [FeedEnclosure] = []
        var categories: [String] = []
        let dialect: Dialect

        init(dialect: Dialect) { self.dialect = dialect }

        mutating func take(_ element: XMLElement, channelLevel: Bool) {
            let space = dialect.space(of: element)
            let isAtom = space == "atom" || space == "atom03"
            switch (isAtom ? "atom" : space, element.name) {
            case ("", "title"), ("dc", "title"):
                if title == nil, let text = element.text.nonBlank { title = FeedText(.html, text) }
            case ("atom", "title"):
                if title == nil { title = AtomText.read(element) }
            case ("", "link"):
                if link == nil, let text = element.text.nonBlank { link = element.resolve(text) }
                else if link == nil, let href = element.attribute("href")?.nonBlank { link = element.resolve(href) }
            case ("atom", "link"):
                takeAtomLink(element)
            case ("", "guid"):
                if id == nil, let text = element.text.nonBlank {
                    id = text
                    guidIsLink = element.attribute("isPermaLink")?.lowercased() != "false"
                }
            case ("atom", "id"), ("dc", "identifier"), ("", "id"):
                if id == nil { id = element.text.nonBlank }
            case ("", "author"), ("", "managingEditor"), ("dc", "creator"), ("dc", "author"), ("itunes", "author"):
                if author == nil, let text = element.text.nonBlank { author = Self.person(text) }
            case ("atom", "author"):
                if author == nil { author = Self.atomPerson(element) }
            case ("", "description"), ("atom", "summary"), ("atom", "subtitle"), ("atom", "tagline"), ("dc", "description"),
                 ("itunes", "summary"), ("", "subtitle"), ("", "summary"):
                if summary == nil {
                    summary = isAtom ? AtomText.read(element) : Self.markup(element)
                } else if !isAtom, content == nil, !channelLevel {
                    // An RSS item with both a description and a summary: the second is the text.
                    content = Self.markup(element)
                }
            case ("content", "encoded"), ("", "fullitem"):
                if content == nil { content = Self.markup(element) }
            case ("atom", "content"):
                if content == nil { content = AtomText.read(element) }
            case ("xhtml", "body"), ("xhtml", "div"):
                if content == nil, let markup = element.innerMarkup.nonBlank { content = FeedText(.html, markup) }
            case ("", "pubDate"), ("atom", "published"), ("atom", "issued"), ("dcterms", "issued"), ("dcterms", "created"),
                 ("atom", "created"):
                published = element.text  // The last of them, as feedparser.
            case ("atom", "updated"), ("atom", "modified"), ("dc", "date"), ("dcterms", "modified"), ("", "lastBuildDate"):
                updated = element.text
            case ("", "language"), ("dc", "language"):
                if language == nil { language = element.text.nonBlank }
            case ("", "enclosure"):
                if let url = element.attribute("url")?.nonBlank {
                    enclosures.append(FeedEnclosure(url: element.resolve(url), type: element.attribute("type")?.nonBlank,
                                                    length: element.attribute("length").flatMap { Int($0.trimmed) }))
                }
            case ("media", "content"):
                if let url = element.attribute("url")?.nonBlank, !enclosures.contains(where: { $0.url == element.resolve(url) }) {
                    enclosures.append(FeedEnclosure(url: element.resolve(url), type: element.attribute("type")?.nonBlank,
                                                    length: element.attribute("fileSize").flatMap { Int($0) }))
                }
            case ("media", "group"):
                for child in element.children { take(child, channelLevel: channelLevel) }
            case ("", "category"), ("dc", "subject"):
                if let text = element.text.nonBlank { categories.append(text) }
            case ("atom", "category"):
                if let term = (element.attribute("label") ?? element.attribute("term"))?.nonBlank { categories.append(term) }
            default: break
            }
        }

        /// Atom's link: the alternate page (rel absent or "alternate") is the link; an enclosure
        /// is one of the enclosures.
        private mutating func takeAtomLink(_ element: XMLElement) {
            guard let href = (element.attribute("href") ?? element.text).nonBlank else { return }
            let rel = element.attribute("rel")?.nonBlank?.lowercased() ?? "alternate"
            switch rel {
            case "alternate", "http://www.iana.org/assignments/relation/alternate":
                if link == nil { link = element.resolve(href) }
            case "enclosure":
                enclosures.append(FeedEnclosure(url: element.resolve(href), type: element.attribute("type")?.nonBlank,
                                                length: element.attribute("length").flatMap { Int($0) }))
            default: break
            }
        }

        /// An RSS element's HTML: its text, escaped or CDATA, or the markup written in it unescaped.
        static func markup(_ element: XMLElement) -> FeedText? {
            let html = element.children.isEmpty ? element.text : element.innerMarkup
            return html.nonBlank.map { FeedText(.html, $0) }
        }

        /// RSS's author: "me@example.com (Name)", "Name <me@example.com>", a name or an address.
        static func person(_ text: String) -> FeedPerson {
            let text = FeedHTML.collapse(text)
            if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
                let before = String(text[..<open]).trimmed
                let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmed
                if before.contains("@") && !before.contains(" ") { return FeedPerson(name: inside.nonBlank, email: before) }
                return FeedPerson(name: before.nonBlank ?? inside.nonBlank, email: inside.contains("@") ? inside : nil)
            }
            if let open = text.firstIndex(of: "<"), text.hasSuffix(">") {
                let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
                return FeedPerson(name: String(text[..<open]).nonBlank, email: email.nonBlank)
            }
            if text.contains("@") && !text.contains(" ") { return FeedPerson(email: text) }
            return FeedPerson(name: text)
        }

        static func atomPerson(_ element: XMLElement) -> FeedPerson? {
            var person = FeedPerson()
            for child in element.children {
                switch child.name {
                case "name": person.name = person.name ?? FeedHTML.collapse(child.text).nonBlank
                case "email": person.email = person.email ?? child.text.nonBlank
                case "uri", "url", "homepage": person.uri = person.uri ?? child.text.nonBlank.map { child.resolve($0) }
                default: break
                }
            }
            if person.isEmpty, let text = element.text.nonBlank { person.name = FeedHTML.collapse(text) }
            return person.isEmpty ? nil : person
        }
    }
}

/// Atom's text constructs (title, subtitle, summary, content): `type` text, html or xhtml, or a
/// media type; Atom 0.3's `mode` escaped, xml or base64.
enum AtomText {
    static func read(_ element: XMLElement) -> FeedText? {
        let type = element.attribute("type")?.lowercased().trimmed ?? "text"
        let mode = element.attribute("mode")?.lowercased()
        if mode == "base64" {
            guard let text = FeedText.base64(element.text)?.nonBlank else { return nil }
            return FeedText(type.contains("html") ? .html : .text, text)
        }
        if type == "xhtml" || type == "application/xhtml+xml" || mode == "xml" {
            // The content is the div's children (Atom 1.0); a bare child list when there is no div.
            let children = element.children
            if children.count == 1, children[0].name == "div", type == "xhtml" {
                return children[0].innerMarkup.nonBlank.map { FeedText(.html, $0) }
            }
            return element.innerMarkup.nonBlank.map { FeedText(.html, $0) }
        }
        if !element.children.isEmpty, !type.contains("html") {
            // Markup written unescaped in a text construct (Atom 0.3's mode="xml" by default).
            return element.innerMarkup.nonBlank.map { FeedText(.html, $0) }
        }
        guard let text = element.text.nonBlank else { return nil }
        if type == "html" || type == "text/html" || (mode == "escaped" && type.contains("html")) { return FeedText(.html, text) }
        if type == "text" || type == "text/plain" || type.isEmpty { return FeedText(.text, text) }
        if type.hasPrefix("text/") || type.hasSuffix("+xml") || type.hasSuffix("/xml") { return FeedText(.text, text) }
        // Any other media type is base64 (Atom 1.0, 3.1.1): shown when it is UTF-8 text.
        return FeedText.base64(text)?.nonBlank.map { FeedText(.text, $0) }
    }
}
