import Foundation

/// Bytes in, a `Feed` out: JSON Feed when the bytes are JSON with a jsonfeed.org `version`,
/// otherwise XML (RSS, RDF or Atom, told by the root element). No I/O: the HTTP and file layers
/// hand the bytes over with the address they came from, against which relative links resolve.
public enum FeedParser {
    public static func parse(_ bytes: [UInt8], baseURL: URL? = nil) throws(FeedError) -> Feed {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x09 {
            start += 1
        }
        guard start < bytes.count else { throw .empty }
        if bytes[start] == UInt8(ascii: "{") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(bytes[start...])),
                  JSONFeedReader.isJSONFeed(object) else { throw .notAFeed("JSON that is not a JSON Feed") }
            return JSONFeedReader.read(object, baseURL: baseURL?.absoluteString)
        }
        return try XMLFeedReader.read(bytes, baseURL: baseURL?.absoluteString)
    }

    /// Whether the start of a file looks like a feed: a JSON object naming a jsonfeed.org version,
    /// or XML whose first element is `rss`, `rdf:RDF`, `feed` or `channel` (after the prolog,
    /// comments and a doctype). For deciding a file's kind without parsing it all.
    public static func looksLikeFeed(head: [UInt8]) -> Bool {
        let text = String(decoding: head.prefix(4096), as: UTF8.self)
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("{") {
            return trimmed.range(of: #""version"\s*:\s*"https?://jsonfeed\.org/version/"#, options: .regularExpression) != nil
        }
        return firstElement(head: head).map { ["rss", "rdf", "feed", "channel"].contains($0) } ?? false
    }

    /// The local name, in lower case, of the first element of XML's start (after a BOM, the
    /// prolog, comments and a doctype); nil when the start is not markup or is cut off before it.
    static func firstElement(head: [UInt8]) -> String? {
        let text = String(decoding: head.prefix(4096), as: UTF8.self)
        var rest = Substring(text.drop { $0.isWhitespace || $0 == "\u{FEFF}" })
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?") || rest.hasPrefix("<!--") || rest.hasPrefix("<!") {
                let close = rest.hasPrefix("<!--") ? "-->" : ">"
                guard let end = rest.range(of: close) else { return nil }
                rest = rest[end.upperBound...]
                continue
            }
            guard rest.hasPrefix("<") else { return nil }
            let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name.split(separator: ":").last.map(String.init)?.lowercased() ?? ""
        }
    }
}
