/// Readability's `_prepArticle`: what is taken out of the article once it is found.
extension ContentFinder {
    func prepare(_ tree: inout HTMLTree, _ article: Int32, flags: Flags) {
        if flags.contains(.cleanConditionally) {
            cleanConditionally(&tree, article, tags: ["form", "fieldset"], flags: flags)
        }
        for element in tree.elements(["footer", "aside", "nav"], under: article) { tree.remove(element) }
        // Headers with a bad class weight go.
        for heading in tree.elements(["h1", "h2"], under: article) where classWeight(tree, heading, flags: flags) < 0 {
            tree.remove(heading)
        }
        if flags.contains(.cleanConditionally) {
            cleanConditionally(&tree, article, tags: ["table", "ul", "div"], flags: flags)
        }
        // Paragraphs with nothing in them.
        for p in tree.elements(["p"], under: article) {
            let media = tree.elements(["img", "embed", "object", "iframe"], under: p).count
            if media == 0 && !tree.hasText(under: p) { tree.remove(p) }
        }
    }

    /// Removes `tags` elements that look like boilerplate: few paragraphs for their images, lists
    /// of links, forms, little text with a poor class weight…
    private func cleanConditionally(_ tree: inout HTMLTree, _ article: Int32, tags: Set<String>, flags: Flags) {
        for node in tree.elements(tags, under: article).reversed() where isAttached(tree, node, to: article) {
            let name = tree[node].name
            let isList = name == "ul" || name == "ol"
            if name == "table" && isDataTable(tree, node) { continue }
            if tree.hasAncestor(node, named: "code") || hasDataTableAncestor(tree, node) { continue }
            let weight = classWeight(tree, node, flags: flags)
            if weight < 0 { tree.remove(node); continue }
            let text = tree.innerText(node)
            guard Self.commas(in: text) < 10 else { continue }
            let under = tree.descendants(of: node).map { tree[$0].name }
            func count(_ tag: String) -> Int { under.reduce(0) { $0 + ($1 == tag ? 1 : 0) } }
            let p = count("p"), img = count("img"), li = count("li") - 100, input = count("input")
            let headings = tree.elements(["h1", "h2", "h3", "h4", "h5", "h6"], under: node).reduce(0) { $0 + tree.innerText($1).count }
            let headingDensity = text.isEmpty ? 0 : Double(headings) / Double(text.count)
            let embeds = count("embed") + count("object") + count("iframe")
            let density = linkDensity(tree, node)
            let length = text.unicodeScalars.count
            let inFigure = tree.hasAncestor(node, named: "figure")
            let remove = (img > 1 && Double(p) / Double(img) < 0.5 && !inFigure)
                || (!isList && li > p)
                || (input > p / 3)
                || (!isList && headingDensity < 0.9 && length < 25 && (img == 0 || img > 2) && !inFigure)
                || (!isList && weight < 25 && density > 0.2)
                || (weight >= 25 && density > 0.5)
                || ((embeds == 1 && length < 75) || embeds > 1)
            if remove { tree.remove(node) }
        }
    }

    private func isAttached(_ tree: HTMLTree, _ node: Int32, to top: Int32) -> Bool {
        var n = node
        while n >= 0 { if n == top { return true }; n = tree[n].parent }
        return false
    }

    private func hasDataTableAncestor(_ tree: HTMLTree, _ node: Int32) -> Bool {
        var n = tree[node].parent
        while n >= 0 {
            if tree[n].name == "table" && isDataTable(tree, n) { return true }
            n = tree[n].parent
        }
        return false
    }

    /// Readability's `_markDataTables`: a table of data rather than of layout.
    func isDataTable(_ tree: HTMLTree, _ table: Int32) -> Bool {
        if tree.attribute("role", of: table) == "presentation" { return false }
        if tree.attribute("datatable", of: table) == "0" { return false }
        if tree.attribute("summary", of: table) != nil { return true }
        let under = tree.descendants(of: table)
        if let caption = under.first(where: { tree[$0].name == "caption" }), !tree.children(of: caption).isEmpty { return true }
        if under.contains(where: { ["col", "colgroup", "tfoot", "thead", "th"].contains(tree[$0].name) }) { return true }
        if under.contains(where: { tree[$0].name == "table" }) { return false }
        let rows = under.filter { tree[$0].name == "tr" }
        let columns = rows.map { tree.elementChildren(of: $0).filter { ["td", "th"].contains(tree[$0].name) }.count }.max() ?? 0
        if rows.count >= 10 || columns > 4 { return true }
        return rows.count * columns > 10
    }
}
