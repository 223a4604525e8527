import DocBaoCore
import DocBaoWeb

extension ArticleKind {
    /// A saved web page: the article found in it (`HTMLPage`).
    public static let html = ArticleKind("HTML")
}

/// Reads saved web pages (`HTMLPage`: libxml2's parser, the article found as Readability finds
/// it): files named .html, .htm or .xhtml, and input that starts like markup.
public struct HTMLArticleImporter: ArticleImporter {
    public init() {}

    public var kind: ArticleKind { .html }
    public var extensions: [String] { ["html", "htm", "xhtml"] }

    /// Whether the first thing after white space, a byte order mark and comments or an XML
    /// declaration is a doctype or one of `<html`, `<head`, `<body`, `<meta` (any case).
    public func accepts(head: [UInt8]) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        while true {
            bytes = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
            let lower = bytes.prefix(16).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if lower.starts(with: Array("<!--".utf8)) || lower.starts(with: Array("<?xml".utf8)) {
                let close: [UInt8] = lower.starts(with: Array("<!--".utf8)) ? Array("-->".utf8) : Array("?>".utf8)
                guard let end = Self.find(close, in: bytes) else { return false }
                bytes = bytes[end...]
                continue
            }
            return ["<!doctype html", "<html", "<head", "<body", "<meta"].contains { lower.starts(with: Array($0.utf8)) }
        }
    }

    /// The index just past the first `needle` in `bytes`.
    private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i + needle.count <= bytes.endIndex {
            if bytes[i..<i + needle.count].elementsEqual(needle) { return i + needle.count }
            i += 1
        }
        return nil
    }

    public func importArticle(_ bytes: [UInt8]) throws(ArticleBytes.Failure) -> ImportedArticle {
        ImportedArticle(article: HTMLPage.article(bytes), replacedBytes: 0, kind: .html)
    }
}
