internal import CLibXML2

/// HTML in feeds as text: titles and one-line summaries are shown plain, whatever the feed
/// escaped into them.
enum FeedHTML {
    /// `html` with its tags dropped, its entities decoded and its white space collapsed. Text
    /// without `<` or `&` is only collapsed (most titles: no parse).
    static func plainText(_ html: String) -> String {
        guard html.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 }) else { return collapse(html) }
        LibXML.prepare()
        // A wrapper, so that a fragment that starts with text is not read as the head.
        let bytes = Array("<html><body><div>".utf8) + Array(html.utf8) + Array("</div></body></html>".utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", LibXML.htmlOptions)
            }
        }
        guard let document else { return collapse(html) }
        defer { xmlFreeDoc(document) }
        var text = ""
        appendText(of: xmlDocGetRootElement(document), to: &text)
        return collapse(text)
    }

    /// The text below `node`, without scripts and styles; iterative (no recursion on deep input).
    private static func appendText(of root: xmlNodePtr?, to text: inout String) {
        guard let root else { return }
        var node: xmlNodePtr? = root.pointee.children
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            case XML_ELEMENT_NODE:
                let name = String(cString: current.pointee.name).lowercased()
                if name == "script" || name == "style" { break }
                if name == "br" || name == "p" || name == "div" || name == "li" { text += " " }
                descend = current.pointee.children != nil
            default: break
            }
            if descend { node = current.pointee.children; continue }
            var up: xmlNodePtr? = current
            while let at = up, at != root, at.pointee.next == nil { up = at.pointee.parent }
            guard let at = up, at != root else { return }
            node = at.pointee.next
        }
    }

    /// White space runs as one space, none at the ends.
    static func collapse(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
            } else {
                if space { out.unicodeScalars.append(" "); space = false }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
