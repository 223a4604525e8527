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
        var parsed = parse(bytes, context)
        let error = context.pointee.lastError
        let failure = OPMLError.notXML(line: Int(error.line), message: FeedHTML.collapse(error.message.map { String(cString: $0) } ?? "libxml2 gave no reason"))
        // A control character XML forbids (ESC, written raw or as &#27; by a reader that exported a
        // hostile feed's title) is all that is wrong: read again with each shown as its picture.
        if parsed == nil, [6, 7, 8, 9].contains(error.code), let pictured = picturingControls(bytes) {
            parsed = parse(pictured, context)
        }
        guard let document = parsed else {
            if contains(bytes, "<!ENTITY") { throw .declarations("it declares entities in a DTD (<!ENTITY …>)") }
            switch FeedParser.firstElement(head: Array(bytes.prefix(4096))) {
            case "html": throw .htmlPage
            case "rss", "rdf", "feed", "channel": throw .feed
            default: throw failure
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

    private static func parse(_ bytes: [UInt8], _ context: xmlParserCtxtPtr) -> xmlDocPtr? {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), nil, nil, LibXML.strictXMLOptions)
            }
        }
    }

    /// `bytes` with the C0 controls XML forbids, raw or as character references, written as
    /// references to their pictures (ESC as U+241B "␛", as docbao shows them everywhere; whatever
    /// the file's encoding), and references to other characters XML cannot hold as U+FFFD. Nil for
    /// UTF-16 (its bytes are not ASCII's) or when nothing changed.
    static func picturingControls(_ bytes: [UInt8]) -> [UInt8]? {
        guard !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var changed = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                out += Array("&#x\(String(0x2400 + UInt32(byte), radix: 16));".utf8)
                changed = true
                i += 1
            } else if byte == UInt8(ascii: "&"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "#"),
                      let end = bytes[(i + 2)...].prefix(12).firstIndex(of: UInt8(ascii: ";")),
                      let value = characterReference(bytes[(i + 2)..<end]), !isXMLCharacter(value) {
                out += Array((value < 0x20 ? "&#x\(String(0x2400 + value, radix: 16));" : "&#xFFFD;").utf8)
                changed = true
                i = end + 1
            } else {
                out.append(byte)
                i += 1
            }
        }
        return changed ? out : nil
    }

    /// The value of a character reference's digits ("x1B", "27").
    private static func characterReference(_ digits: ArraySlice<UInt8>) -> UInt32? {
        let text = String(decoding: digits, as: UTF8.self)
        return text.first == "x" || text.first == "X" ? UInt32(text.dropFirst(), radix: 16) : UInt32(text, radix: 10)
    }

    /// XML 1.0's Char production.
    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { i in bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) }
    }
}
