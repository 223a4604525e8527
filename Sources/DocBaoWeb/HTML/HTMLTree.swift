internal import CLibXML2

/// A parsed page as a compact tree of its own: nodes in one array, linked by index. The finder
/// moves and drops nodes as Readability.js does with the DOM, and nothing here recurses: a page of
/// 100,000 nested elements is walked in loops, and freeing it frees one array (a tree of objects
/// would free itself recursively and overflow the stack).
///
/// Built from libxml2's tree with what a reader never sees already left out: scripts, styles,
/// templates, `noscript`, SVG, frames, form controls, comments, and elements that are hidden
/// (`hidden`, `aria-hidden="true"`, `display:none`/`visibility:hidden` in `style`).
struct HTMLTree {
    struct Node {
        /// Lower-case tag name; "#text" for text.
        var name: String
        var parent: Int32 = -1, first: Int32 = -1, last: Int32 = -1, next: Int32 = -1, previous: Int32 = -1
        /// A text node's text (entities resolved by the parser).
        var text: String = ""
        var attributes: [(name: String, value: String)] = []

        var isText: Bool { name == "#text" }
    }

    var nodes: [Node] = []
    /// The `<html>` element (or the first element), -1 for a page with none.
    var root: Int32 = -1
    /// The contents of `<script type="application/ld+json">`, kept for the metadata before the scripts go.
    var jsonLD: [String] = []

    /// Elements dropped with everything in them.
    static let dropped: Set<String> = [
        "script", "style", "template", "noscript", "svg", "math", "iframe", "frame", "frameset", "object", "embed",
        "canvas", "input", "select", "textarea", "button", "option", "datalist", "dialog",
    ]

    /// How deep elements nest at most (as Blink's parser): deeper ones are flattened, so the
    /// finder's walks up and down stay short whatever the page.
    static let maxDepth = 512

    /// Read and changed in place (`_read`/`_modify`): a getter would copy the node, retaining its
    /// name, text and attributes, for every step of every walk.
    subscript(_ index: Int32) -> Node {
        _read { yield nodes[Int(index)] }
        _modify { yield &nodes[Int(index)] }
    }

    /// The value of attribute `name` (lower case) on `node`.
    func attribute(_ name: String, of node: Int32) -> String? {
        self[node].attributes.first { $0.name == name }?.value
    }

    /// Parses UTF-8 bytes with libxml2's HTML parser (`LibXML.htmlOptions`: no network, recovering
    /// from broken markup) and copies the tree. `XML_PARSE_HUGE` lifts libxml2's depth limit (256),
    /// past which it drops the rest of the page: deep pages keep their text, and the copy flattens
    /// them at `maxDepth`. HTML has no entities of its own to amplify, so the limit protects nothing.
    init(utf8 bytes: [UInt8]) {
        LibXML.prepare()
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(clamping: buffer.count), "page.html", "UTF-8", LibXML.htmlOptions | Int32(XML_PARSE_HUGE.rawValue))
            }
        }
        guard let doc else { return }
        defer { xmlFreeDoc(doc) }
        guard let top = xmlDocGetRootElement(doc) else { return }
        copy(from: top)
    }

    /// An empty tree to add nodes to (tests).
    init() {}

    /// Copies libxml2's tree below `top`, in a loop with an explicit path.
    private mutating func copy(from top: xmlNodePtr) {
        root = append(element: top, parent: -1)
        var stack: [(source: xmlNodePtr?, parent: Int32, depth: Int)] = [(top.pointee.children, root, 1)]
        while var frame = stack.popLast() {
            guard let node = frame.source else { continue }
            frame.source = node.pointee.next
            stack.append(frame)
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = Self.name(of: node)
                if name == "script", Self.property(node, "type")?.lowercased().contains("ld+json") == true {
                    if let content = xmlNodeGetContent(node) {
                        jsonLD.append(String(cString: content))
                        LibXML.free(content)
                    }
                    continue
                }
                if Self.dropped.contains(name) || Self.isHidden(node) { continue }
                // Past the depth browsers allow, elements give their content to the deepest one kept.
                if frame.depth >= Self.maxDepth {
                    stack.append((node.pointee.children, frame.parent, frame.depth))
                    continue
                }
                let index = append(element: node, parent: frame.parent, name: name)
                stack.append((node.pointee.children, index, frame.depth + 1))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                var text = Node(name: "#text")
                text.text = String(cString: content)
                link(add(text), under: frame.parent)
            default:
                continue
            }
        }
    }

    private mutating func append(element: xmlNodePtr, parent: Int32, name: String? = nil) -> Int32 {
        var node = Node(name: name ?? Self.name(of: element))
        var attribute = element.pointee.properties
        while let a = attribute {
            if let namePointer = a.pointee.name {
                let key = String(cString: namePointer).lowercased()
                var value = ""
                if let content = xmlNodeListGetString(element.pointee.doc, a.pointee.children, 1) {
                    value = String(cString: content)
                    LibXML.free(content)
                }
                node.attributes.append((key, value))
            }
            attribute = a.pointee.next
        }
        let index = add(node)
        if parent >= 0 { link(index, under: parent) }
        return index
    }

    mutating func add(_ node: Node) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    /// Makes `child` (unlinked) the last child of `parent`.
    mutating func link(_ child: Int32, under parent: Int32) {
        self[child].parent = parent
        self[child].previous = self[parent].last
        self[child].next = -1
        if self[parent].last >= 0 { self[self[parent].last].next = child } else { self[parent].first = child }
        self[parent].last = child
    }

    /// Inserts `child` (unlinked) before `sibling`.
    mutating func insert(_ child: Int32, before sibling: Int32) {
        let parent = self[sibling].parent
        let previous = self[sibling].previous
        self[child].parent = parent
        self[child].previous = previous
        self[child].next = sibling
        self[sibling].previous = child
        if previous >= 0 { self[previous].next = child } else if parent >= 0 { self[parent].first = child }
    }

    /// Takes `node` (and what is under it) out of the tree.
    mutating func remove(_ node: Int32) {
        let n = self[node]
        if n.previous >= 0 { self[n.previous].next = n.next } else if n.parent >= 0 { self[n.parent].first = n.next }
        if n.next >= 0 { self[n.next].previous = n.previous } else if n.parent >= 0 { self[n.parent].last = n.previous }
        self[node].parent = -1
        self[node].next = -1
        self[node].previous = -1
    }

    private static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    private static func property(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { LibXML.free(value) }
        return String(cString: value)
    }

    /// `hidden`, `aria-hidden="true"`, or an inline style that hides it.
    private static func isHidden(_ node: xmlNodePtr) -> Bool {
        if xmlHasProp(node, "hidden") != nil { return true }
        if property(node, "aria-hidden")?.lowercased() == "true" {
            // Readability keeps the "fallback image" wrappers some sites mark aria-hidden; a reader
            // keeps nothing hidden.
            return true
        }
        guard let style = property(node, "style")?.lowercased() else { return false }
        let compact = style.filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }
}

extension HTMLTree {
    /// The node after `node` in document order, not below `node` when `skipping` its children.
    func following(_ node: Int32, skippingChildren: Bool = false) -> Int32 {
        if !skippingChildren, self[node].first >= 0 { return self[node].first }
        var n = node
        while n >= 0 {
            if self[n].next >= 0 { return self[n].next }
            n = self[n].parent
        }
        return -1
    }

    /// Every node under `node` (not itself), in document order.
    func descendants(of node: Int32) -> [Int32] {
        var result: [Int32] = []
        var n = self[node].first
        while n >= 0 {
            result.append(n)
            n = following(n, within: node)
        }
        return result
    }

    /// Like `following`, but never leaving `top`'s subtree.
    func following(_ node: Int32, within top: Int32, skippingChildren: Bool = false) -> Int32 {
        if !skippingChildren, self[node].first >= 0 { return self[node].first }
        var n = node
        while n >= 0 && n != top {
            if self[n].next >= 0 { return self[n].next }
            n = self[n].parent
        }
        return -1
    }

    /// Elements named `name` under `node`.
    func elements(_ names: Set<String>, under node: Int32) -> [Int32] {
        descendants(of: node).filter { names.contains(self[$0].name) }
    }

    /// The children of `node`, in order.
    func children(of node: Int32) -> [Int32] {
        var result: [Int32] = []
        var c = self[node].first
        while c >= 0 { result.append(c); c = self[c].next }
        return result
    }

    func elementChildren(of node: Int32) -> [Int32] { children(of: node).filter { !self[$0].isText } }

    /// Whether some element under `node` satisfies `test` (stops at the first).
    func contains(under node: Int32, where test: (Node) -> Bool) -> Bool {
        var n = self[node].first
        while n >= 0 {
            if test(self[n]) { return true }
            n = following(n, within: node)
        }
        return false
    }

    /// All the text under `node`, as it is (textContent).
    func textContent(_ node: Int32) -> String {
        if self[node].isText { return self[node].text }
        var out = ""
        var n = self[node].first
        while n >= 0 {
            if self[n].isText { out += self[n].text }
            n = following(n, within: node)
        }
        return out
    }

    /// The text under `node` with runs of white space made one space, trimmed (Readability's
    /// getInnerText).
    func innerText(_ node: Int32) -> String { Self.collapse(textContent(node)) }

    /// Read byte by byte: appending scalar by scalar to a String was a quarter of a 5 MB page's instructions.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let (value, length) = scalar(at: i, in: bytes)
                if isSpace(value) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    if length == 1 { out.append(bytes[i]) } else { out.append(contentsOf: bytes[i ..< i + length]) }
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The scalar that starts at `i` in valid UTF-8 (a Swift string's bytes), and its length in bytes.
    @inline(__always)
    static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// White space (Unicode's White_Space property), told without Unicode's tables: asking them
    /// for every letter of a Vietnamese page was a seventh of the time on a 5 MB page.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { isSpace(scalar.value) }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        return v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F
            || v == 0x205F || v == 0x3000
    }

    /// `innerText(node).unicodeScalars.count`, counted without building the text.
    func innerLength(_ node: Int32) -> Int {
        var count = 0
        var pendingSpace = false
        func add(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                var i = 0
                while i < bytes.count {
                    let (value, length) = Self.scalar(at: i, in: bytes)
                    if Self.isSpace(value) { pendingSpace = count > 0 } else {
                        if pendingSpace { count += 1; pendingSpace = false }
                        count += 1
                    }
                    i += length
                }
            }
        }
        if self[node].isText { add(self[node].text); return count }
        var n = self[node].first
        while n >= 0 {
            if self[n].isText { add(self[n].text) }
            n = following(n, within: node)
        }
        return count
    }

    /// Whether some text under `node` is more than white space (whether `innerText` is not empty).
    func hasText(under node: Int32) -> Bool {
        contains(under: node) { $0.isText && !$0.text.unicodeScalars.allSatisfy(Self.isSpace) }
    }

    /// Whether an ancestor of `node` (within `depth` levels, all when nil) is named `name`.
    func hasAncestor(_ node: Int32, named name: String, depth: Int? = nil) -> Bool {
        var n = self[node].parent, level = 0
        while n >= 0 {
            if let depth, level >= depth { return false }
            if self[n].name == name { return true }
            n = self[n].parent
            level += 1
        }
        return false
    }

    /// `class` and `id` of `node` (for class/id hints).
    func classAndID(_ node: Int32) -> (String, String) {
        (attribute("class", of: node) ?? "", attribute("id", of: node) ?? "")
    }

    /// The `<body>` element, or the root.
    var body: Int32 {
        guard root >= 0 else { return -1 }
        return elementChildren(of: root).first { self[$0].name == "body" } ?? root
    }

    /// The `<head>` element, if any.
    var head: Int32? { root >= 0 ? elementChildren(of: root).first { self[$0].name == "head" } : nil }
}
