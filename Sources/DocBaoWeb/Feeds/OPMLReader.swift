internal import CLibXML2

/// OPML's outlines out of one libxml2 tree (`OPML.parse` checks the addresses). The parse is
/// strict (`LibXML.strictXMLOptions`: a file that is not well formed is refused, not read in part)
/// and loads nothing; a file whose DTD declares entities or names an external DTD is refused.
enum OPMLReader {
    static func read(_ bytes: [UInt8]) throws(OPMLError) -> OPMLDocument {
        guard bytes.contains(where: { !isBlank($0) }) else { throw .empty }
        LibXML.prepare()
        guard let context = xmlNewParserCtxt() else { throw .notXML(line: 0, message: "libxml2 could not start") }
        defer { xmlFreeParserCtxt(context) }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), nil, nil, LibXML.strictXMLOptions)
            }
        }
        guard let document else {
            if contains(bytes, "<!ENTITY") { throw .declarations("it declares entities in a DTD (<!ENTITY …>)") }
            switch FeedParser.firstElement(head: Array(bytes.prefix(4096))) {
            case "html": throw .htmlPage
            case "rss", "rdf", "feed", "channel": throw .feed
            default:
                let error = context.pointee.lastError
                let message = error.message.map { String(cString: $0) } ?? "libxml2 gave no reason"
                throw .notXML(line: Int(error.line), message: FeedHTML.collapse(message))
            }
        }
        defer { xmlFreeDoc(document) }
        if let dtd = document.pointee.intSubset {
            if dtd.pointee.entities != nil || dtd.pointee.pentities != nil {
                throw .declarations("it declares entities in a DTD (<!ENTITY …>)")
            }
            if let system = dtd.pointee.SystemID ?? dtd.pointee.ExternalID {
                throw .declarations("it names an external DTD (\(String(cString: system)))")
            }
        }
        guard let rootNode = xmlDocGetRootElement(document) else { throw .notOPML("none") }
        let root = XMLElement(node: rootNode)
        switch (root.space, root.name.lowercased()) {
        case (_, "opml"): break
        case (_, "html"), ("xhtml", _): throw .htmlPage
        case (_, "rss"), (_, "rdf"), (_, "feed"), (_, "channel"): throw .feed
        default: throw .notOPML(root.name)
        }
        var result = OPMLDocument()
        let parts = root.children
        if let head = parts.first(where: { $0.name.lowercased() == "head" }),
           let title = head.children.first(where: { $0.name.lowercased() == "title" }) {
            result.title = FeedHTML.collapse(title.text).nonBlank
        }
        // Outlines under <body>; under the root itself in the odd file without one.
        let body = parts.first { $0.name.lowercased() == "body" } ?? root
        readOutlines(in: body, into: &result)
        return result
    }

    /// Every outline below `body`, depth first in document order, without recursion: feeds with
    /// the titles of the folders they are in; includes and links to pages skipped with why.
    private static func readOutlines(in body: XMLElement, into result: inout OPMLDocument) {
        var pending: [(XMLElement, [String])] = body.children.reversed().map { ($0, []) }
        while let (element, path) = pending.popLast() {
            guard element.name.lowercased() == "outline" else { continue }
            let name = (element.attribute(anyCase: "text")).flatMap { FeedHTML.collapse($0).nonBlank }
                ?? (element.attribute(anyCase: "title")).flatMap { FeedHTML.collapse($0).nonBlank }
            let type = element.attribute(anyCase: "type")?.trimmed.lowercased() ?? ""
            let url = element.attribute(anyCase: "url")?.trimmed
            if let xmlURL = element.attribute(anyCase: "xmlurl")?.trimmed ?? (type == "rss" || type == "atom" ? url ?? "" : nil) {
                result.outlines.append(OPMLOutline(xmlURL: xmlURL, title: name,
                                                   htmlURL: element.attribute(anyCase: "htmlurl")?.trimmed.nonBlank,
                                                   categories: path))
            } else if type == "include" {
                result.skipped.append(OPMLSkipped(name: name ?? url ?? "include",
                                                  reason: "includes another OPML file, which docbao does not follow"))
                continue
            } else if type == "link", let url, !url.isEmpty {
                result.skipped.append(OPMLSkipped(name: name ?? url, reason: "a link to a page, not a feed (no xmlUrl)"))
                continue
            }
            let inner = name.map { path + [$0] } ?? path
            pending += element.children.reversed().map { ($0, inner) }
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { i in bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) }
    }
}
