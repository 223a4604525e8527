import Foundation

/// The feeds a web page names in its head (`<link rel="alternate" type="application/rss+xml"
/// href="…">`): what `docbao feed add` subscribes to when given a site's page rather than its feed.
public enum FeedDiscovery {
    static let types: Set<String> = ["application/rss+xml", "application/atom+xml", "application/rdf+xml",
                                     "application/feed+json", "application/x-rss+xml"]

    /// The feeds' addresses, absolute (resolved against `address`), in the page's order, once each.
    public static func feeds(inPage bytes: [UInt8], address: String) -> [String] {
        let tree = HTMLTree(utf8: bytes)
        var found: [String] = []
        for index in tree.nodes.indices where tree.nodes[index].name == "link" {
            let node = Int32(index)
            let rel = (tree.attribute("rel", of: node) ?? "").lowercased().split(whereSeparator: \.isWhitespace)
            let type = (tree.attribute("type", of: node) ?? "").lowercased().trimmingCharacters(in: .whitespaces)
            guard rel.contains("alternate"), types.contains(type),
                  let href = tree.attribute("href", of: node)?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty else { continue }
            let resolved = FeedLinks.resolve(href, against: address)
            if !found.contains(resolved) { found.append(resolved) }
        }
        return found
    }
}
