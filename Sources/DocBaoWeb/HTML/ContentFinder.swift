/// Finds the article in a page: a port of Mozilla Readability's `_grabArticle` over `HTMLTree`.
///
/// Paragraph-like elements are scored by their commas and length; the score goes to the parent
/// (whole) and grandparent (half) and further ancestors (less), each ancestor starting from its
/// tag and class/id weight. The best candidate, its score lowered by its link density, is the
/// article's heart; siblings that score well or read like prose join it. Then tables, lists and
/// divs with little content are cleaned out. When too little text is found, it tries again with
/// fewer filters (no removal of unlikely candidates, then no class weights, then no conditional
/// cleaning), and keeps the longest attempt.
struct ContentFinder {
    struct Flags: OptionSet {
        let rawValue: Int
        static let stripUnlikely = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikely, .weightClasses, .cleanConditionally]
    }

    /// What was found: the page's tree (changed) and the article's elements in order, in a
    /// container element; the author line met on the way, if any.
    struct Found {
        var tree: HTMLTree
        var container: Int32
        var byline: String?
        var textLength: Int
    }

    var hints = ContentHints.standard
    /// Readability's charThreshold: an attempt with less text tries again.
    var charThreshold = 500
    /// How many best candidates are compared.
    var topCandidates = 5

    static let tagsToScore: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]
    static let divToParagraph: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "figure"]
    static let phrasing: Set<String> = [
        "#text", "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
        "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q", "ruby",
        "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr", "a", "del",
        "ins", "u", "s", "font", "big", "tt", "strike",
    ]

    /// The article in `page`: the first attempt with enough text, or the longest.
    func find(in page: HTMLTree, skipBylines: Bool) -> Found? {
        var attempts: [Found] = []
        var flags = Flags.all
        while true {
            var tree = page
            guard let found = grab(&tree, flags: flags, skipBylines: skipBylines) else { return nil }
            if found.textLength >= charThreshold { return found }
            attempts.append(found)
            if flags.contains(.stripUnlikely) { flags.remove(.stripUnlikely) }
            else if flags.contains(.weightClasses) { flags.remove(.weightClasses) }
            else if flags.contains(.cleanConditionally) { flags.remove(.cleanConditionally) }
            else { return attempts.max { $0.textLength < $1.textLength } }
        }
    }

    private func grab(_ tree: inout HTMLTree, flags: Flags, skipBylines: Bool) -> Found? {
        let body = tree.body
        guard body >= 0 else { return nil }
        var byline: String?
        var toScore: [Int32] = []
        // Pass 1: drop what is unlikely, turn text-only divs into paragraphs, collect what to score.
        var node = body
        while node >= 0 {
            let element = tree[node]
            if element.isText { node = tree.following(node); continue }
            let (className, id) = tree.classAndID(node)
            let match = (className + " " + id).lowercased()
            if !skipBylines, byline == nil, isByline(tree, node, match: match) {
                // The name inside it, when it says which it is (as Readability does).
                var name: Int32 = node
                var n = tree[node].first
                while n >= 0 {
                    if tree.attribute("itemprop", of: n)?.lowercased().contains("name") == true { name = n; break }
                    n = tree.following(n, within: node)
                }
                byline = tree.innerText(name)
                let next = tree.following(node, skippingChildren: true)
                tree.remove(node)
                node = next
                continue
            }
            if flags.contains(.stripUnlikely) && node != body {
                let unlikely = ContentHints.matches(match, hints.unlikely) && !ContentHints.matches(match, hints.maybeContent)
                    && !tree.hasAncestor(node, named: "table") && !tree.hasAncestor(node, named: "code")
                    && element.name != "a" && element.name != "body"
                let role = tree.attribute("role", of: node)?.lowercased()
                if unlikely || role.map(hints.unlikelyRoles.contains) == true {
                    let next = tree.following(node, skippingChildren: true)
                    tree.remove(node)
                    node = next
                    continue
                }
            }
            if ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"].contains(element.name), isWithoutContent(tree, node) {
                let next = tree.following(node, skippingChildren: true)
                tree.remove(node)
                node = next
                continue
            }
            if Self.tagsToScore.contains(element.name) { toScore.append(node) }
            if element.name == "div" {
                wrapPhrasing(&tree, in: node)
                if let only = singleParagraph(tree, node), linkDensity(tree, node) < 0.25 {
                    // A div that only holds a paragraph is that paragraph.
                    tree.remove(only)
                    tree.insert(only, before: node)
                    tree.remove(node)
                    toScore.append(only)
                    node = tree.following(only, skippingChildren: true)
                    continue
                } else if !hasBlockChild(tree, node) {
                    tree[node].name = "p"
                    toScore.append(node)
                }
            }
            node = tree.following(node)
        }

        // Pass 2: score.
        var scores: [Int32: Double] = [:]
        var candidates: [Int32] = []
        for element in toScore where tree[element].parent >= 0 {
            let text = tree.innerText(element)
            let length = text.unicodeScalars.count
            guard length >= 25 else { continue }
            let ancestors = ancestors(tree, element, max: 5)
            guard !ancestors.isEmpty else { continue }
            var score = 1.0 + Double(Self.commas(in: text) + 1) - 1
            score += Double(min(length / 100, 3))
            for (level, ancestor) in ancestors.enumerated() where tree[ancestor].parent >= 0 || ancestor == tree.root {
                if scores[ancestor] == nil {
                    scores[ancestor] = initialScore(tree, ancestor, flags: flags)
                    candidates.append(ancestor)
                }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level) * 3
                scores[ancestor]! += score / divider
            }
        }
        // Scale by link density and keep the best few.
        var best: [(node: Int32, score: Double)] = []
        for candidate in candidates {
            let score = scores[candidate]! * (1 - linkDensity(tree, candidate))
            scores[candidate] = score
            best.append((candidate, score))
        }
        best.sort { $0.score > $1.score }
        best = Array(best.prefix(topCandidates))

        var top: Int32
        var topScore: Double
        if let first = best.first, tree[first.node].name != "body" {
            top = first.node
            topScore = first.score
            // Several good candidates inside one ancestor: the ancestor is the article.
            let alternatives = best.dropFirst().filter { $0.score / topScore >= 0.75 }.map { Set(ancestors(tree, $0.node, max: 0)) }
            if alternatives.count >= 3 {
                var parent = tree[top].parent
                while parent >= 0 && tree[parent].name != "body" {
                    if alternatives.filter({ $0.contains(parent) }).count >= 3 { top = parent; break }
                    parent = tree[parent].parent
                }
            }
            if scores[top] == nil { scores[top] = initialScore(tree, top, flags: flags) }
            // Go up while the parents score more.
            var parent = tree[top].parent
            var lastScore = scores[top]!
            let threshold = lastScore / 3
            while parent >= 0 && tree[parent].name != "body" {
                guard let parentScore = scores[parent] else { parent = tree[parent].parent; continue }
                if parentScore < threshold { break }
                if parentScore > lastScore { top = parent; break }
                lastScore = parentScore
                parent = tree[parent].parent
            }
            // An only child stands for its parent.
            parent = tree[top].parent
            while parent >= 0 && tree[parent].name != "body" && tree.elementChildren(of: parent).count == 1 {
                top = parent
                parent = tree[top].parent
            }
            if scores[top] == nil { scores[top] = initialScore(tree, top, flags: flags) }
            topScore = scores[top]!
        } else {
            // Nothing scored: the whole body is the article.
            top = body
            topScore = 0
        }

        // Pass 3: the top candidate and the siblings that belong with it.
        var container = tree.add(HTMLTree.Node(name: "div"))
        if top == body {
            for child in tree.children(of: body) { tree.remove(child); tree.link(child, under: container) }
        } else {
            let threshold = max(10, topScore * 0.2)
            let topClass = tree.attribute("class", of: top) ?? ""
            let parent = tree[top].parent
            let siblings = parent >= 0 ? tree.children(of: parent) : [top]
            for sibling in siblings {
                var append = sibling == top
                if !append && !tree[sibling].isText {
                    var bonus = 0.0
                    if !topClass.isEmpty && tree.attribute("class", of: sibling) == topClass { bonus += topScore * 0.2 }
                    if let score = scores[sibling], score + bonus >= threshold {
                        append = true
                    } else if tree[sibling].name == "p" {
                        let density = linkDensity(tree, sibling)
                        let content = tree.innerText(sibling)
                        let length = content.unicodeScalars.count
                        if length > 80 && density < 0.25 { append = true }
                        else if length < 80 && length > 0 && density == 0 && (content.contains(". ") || content.hasSuffix(".")) {
                            append = true
                        }
                    }
                }
                if append {
                    tree.remove(sibling)
                    tree.link(sibling, under: container)
                }
            }
        }
        prepare(&tree, container, flags: flags)
        // A container of one div: that div (Readability does the same the other way around).
        if tree.children(of: container).count == 1, let only = tree.elementChildren(of: container).first,
           tree[only].name == "div" { container = only }
        return Found(tree: tree, container: container, byline: byline, textLength: tree.innerLength(container))
    }

    /// Readability's `_initializeNode`: a tag's prior and the class weight.
    private func initialScore(_ tree: HTMLTree, _ node: Int32, flags: Flags) -> Double {
        var score: Double
        switch tree[node].name {
        case "div": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        return score + classWeight(tree, node, flags: flags)
    }

    func classWeight(_ tree: HTMLTree, _ node: Int32, flags: Flags) -> Double {
        guard flags.contains(.weightClasses) else { return 0 }
        let (className, id) = tree.classAndID(node)
        return hints.weight(className: className, id: id)
    }

    /// Up to `max` ancestors (all when 0), nearest first.
    func ancestors(_ tree: HTMLTree, _ node: Int32, max: Int) -> [Int32] {
        var result: [Int32] = []
        var n = tree[node].parent
        while n >= 0 {
            result.append(n)
            if max > 0 && result.count == max { break }
            n = tree[n].parent
        }
        return result
    }

    /// Text in links over all text; links to the page itself ("#…") count 0.3.
    func linkDensity(_ tree: HTMLTree, _ node: Int32) -> Double {
        let length = tree.innerLength(node)
        guard length > 0 else { return 0 }
        var linked = 0.0
        for a in tree.elements(["a"], under: node) {
            let coefficient = (tree.attribute("href", of: a) ?? "").hasPrefix("#") ? 0.3 : 1
            linked += Double(tree.innerLength(a)) * coefficient
        }
        if tree[node].name == "a" { linked = Double(length) }
        return linked / Double(length)
    }

    /// Commas of the scripts Readability counts (Latin, Arabic, CJK…).
    static func commas(in text: String) -> Int {
        var count = 0
        for s in text.unicodeScalars {
            switch s.value {
            case 0x2C, 0x60C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C: count += 1
            default: break
            }
        }
        return count
    }

    private func isByline(_ tree: HTMLTree, _ node: Int32, match: String) -> Bool {
        let rel = tree.attribute("rel", of: node)?.lowercased()
        let itemprop = tree.attribute("itemprop", of: node)?.lowercased() ?? ""
        guard rel == "author" || itemprop.contains("author") || ContentHints.matches(match, hints.byline) else { return false }
        let text = tree.innerText(node)
        return !text.isEmpty && text.count < 100
    }

    private func isWithoutContent(_ tree: HTMLTree, _ node: Int32) -> Bool {
        guard !tree.hasText(under: node) else { return false }
        let children = tree.elementChildren(of: node)
        return children.allSatisfy { ["br", "hr"].contains(tree[$0].name) }
    }

    private func hasBlockChild(_ tree: HTMLTree, _ node: Int32) -> Bool {
        tree.contains(under: node) { Self.divToParagraph.contains($0.name) }
    }

    /// The only element child of `node` when it is a `p` and no text stands beside it.
    private func singleParagraph(_ tree: HTMLTree, _ node: Int32) -> Int32? {
        let children = tree.children(of: node)
        let elements = children.filter { !tree[$0].isText }
        guard elements.count == 1, tree[elements[0]].name == "p" else { return nil }
        let loose = children.filter { tree[$0].isText }.contains { !tree[$0].text.allSatisfy(\.isWhitespace) }
        return loose ? nil : elements[0]
    }

    /// Runs of text and inline elements beside blocks in a div become paragraphs of their own.
    private func wrapPhrasing(_ tree: inout HTMLTree, in div: Int32) {
        let children = tree.children(of: div)
        guard children.contains(where: { !tree[$0].isText && !Self.phrasing.contains(tree[$0].name) }) else { return }
        var paragraph: Int32 = -1
        for child in children {
            if Self.phrasing.contains(tree[child].name) && isPhrasingContent(tree, child) {
                if paragraph < 0 {
                    if tree[child].isText && tree[child].text.allSatisfy(\.isWhitespace) { continue }
                    paragraph = tree.add(HTMLTree.Node(name: "p"))
                    tree.insert(paragraph, before: child)
                }
                tree.remove(child)
                tree.link(child, under: paragraph)
            } else {
                paragraph = -1
            }
        }
    }

    private func isPhrasingContent(_ tree: HTMLTree, _ node: Int32) -> Bool {
        if tree[node].isText { return true }
        if ["a", "del", "ins"].contains(tree[node].name) {
            return tree.descendants(of: node).allSatisfy { Self.phrasing.contains(tree[$0].name) }
        }
        return Self.phrasing.contains(tree[node].name)
    }
}
