internal import CLibXML2

/// A libxml2 element seen the way the feed readers need it: a short namespace key and a local
/// name, its attributes, its text. Text never follows an entity reference: an entity declared in
/// the document's own DTD is not expanded (libxml2 keeps it as a reference, `LibXML.xmlOptions`
/// has no `XML_PARSE_NOENT`), so an entity bomb costs nothing.
struct XMLElement {
    let node: xmlNodePtr

    /// The element's namespace as a short key: "" for none and RSS's own namespaces, else "atom",
    /// "atom03", "dc", "dcterms", "content", "media", "rdf", "xhtml", "itunes", or the URI itself.
    var space: String {
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return "" }
        return Self.key(for: String(cString: href))
    }

    static func key(for uri: String) -> String {
        switch uri {
        case "http://www.w3.org/2005/Atom": return "atom"
        case "http://purl.org/atom/ns#": return "atom03"
        case "http://purl.org/dc/elements/1.1/": return "dc"
        case "http://purl.org/dc/terms/": return "dcterms"
        case "http://purl.org/rss/1.0/modules/content/": return "content"
        case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss": return "media"
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": return "rdf"
        case "http://www.w3.org/1999/xhtml": return "xhtml"
        case "http://www.itunes.com/dtds/podcast-1.0.dtd": return "itunes"
        case "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
             "http://backend.userland.com/rss", "http://blogs.law.harvard.edu/tech/rss": return ""
        default: return uri
        }
    }

    var name: String { String(cString: node.pointee.name) }

    /// The element children, in order.
    var children: [XMLElement] {
        var out: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { out.append(XMLElement(node: current)) }
            child = current.pointee.next
        }
        return out
    }

    /// An attribute without a namespace (or, with `space`, in that namespace).
    func attribute(_ name: String, space: String? = nil) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if String(cString: current.pointee.name) == name {
                let attributeSpace = current.pointee.ns.flatMap { $0.pointee.href }.map { Self.key(for: String(cString: $0)) }
                if space == nil ? attributeSpace == nil : attributeSpace == space { return Self.value(of: current) }
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// An attribute without a namespace whose name is `lowercased` in any letter case (OPML's
    /// `xmlUrl`, written `xmlurl` or `xmlURL` by some readers).
    func attribute(anyCase lowercased: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil, String(cString: current.pointee.name).lowercased() == lowercased {
                return Self.value(of: current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        var text = ""
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content { text += String(cString: content) }
            child = node.pointee.next
        }
        return text
    }

    /// The text of the element and its descendants (text and CDATA). An entity the document
    /// declares is replaced by its text when that is plain (no markup, no other reference) and short,
    /// at most 1,000 times per element: `&id;` in a guid reads, a bomb does not go off.
    var text: String {
        var out = ""
        var expansions = 0
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while true {
            guard let current = child else {
                guard let parent = stack.popLast() else { break }
                child = parent.pointee.next
                continue
            }
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { out += String(cString: content) }
            case XML_ENTITY_REF_NODE:
                if expansions < 1_000, let replacement = Self.plainEntityText(current) {
                    out += replacement
                    expansions += 1
                }
            case XML_ELEMENT_NODE where current.pointee.children != nil:
                stack.append(current)
                child = current.pointee.children
                continue
            default: break
            }
            child = current.pointee.next
        }
        return out
    }

    /// The text of the entity a reference names, when it is declared, short and plain.
    private static func plainEntityText(_ reference: xmlNodePtr) -> String? {
        guard let declaration = reference.pointee.children, declaration.pointee.type == XML_ENTITY_DECL else { return nil }
        let entity = UnsafeMutableRawPointer(declaration).assumingMemoryBound(to: xmlEntity.self)
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, let content = entity.pointee.content,
              entity.pointee.length < 4_096 else { return nil }
        let text = String(cString: content)
        return text.utf8.contains { $0 == 0x26 || $0 == 0x3C } ? nil : text
    }

    /// The children as markup (for Atom's xhtml content): elements by their local names, text
    /// escaped; iterative, so deep markup costs no stack.
    var innerMarkup: String {
        var out = ""
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while true {
            guard let current = child else {
                guard let parent = stack.popLast() else { break }
                out += "</\(String(cString: parent.pointee.name))>"
                child = parent.pointee.next
                continue
            }
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { out += Self.escape(String(cString: content), quotes: false) }
            case XML_ELEMENT_NODE:
                let element = XMLElement(node: current)
                out += "<" + element.name
                var attribute = current.pointee.properties
                while let a = attribute {
                    let name = String(cString: a.pointee.name)
                    if let value = element.attribute(name, space: a.pointee.ns.flatMap { $0.pointee.href }.map { Self.key(for: String(cString: $0)) }) {
                        out += " \(name)=\"\(Self.escape(value, quotes: true))\""
                    }
                    attribute = a.pointee.next
                }
                if current.pointee.children != nil {
                    out += ">"
                    stack.append(current)
                    child = current.pointee.children
                    continue
                }
                out += Self.voidElements.contains(element.name.lowercased()) ? " />" : "></\(element.name)>"
            default: break
            }
            child = current.pointee.next
        }
        return out
    }

    private static let voidElements: Set<String> = ["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"]

    static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The base URI in effect at this element (xml:base up the tree, then the document's URL).
    var base: String? {
        guard let raw = xmlNodeGetBase(node.pointee.doc, node) else { return nil }
        defer { LibXML.free(raw) }
        return String(cString: raw)
    }

    /// `reference` made absolute against this element's base; as written when that fails.
    func resolve(_ reference: String) -> String {
        let trimmed = reference.trimmed
        guard let base, !trimmed.isEmpty else { return trimmed }
        return FeedLinks.resolve(trimmed, against: base)
    }
}
