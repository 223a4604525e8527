import DocBaoCore
@testable import DocBaoLoading
import Testing

/// Bytes fetched from the web read by the loading layer: the kind from the Content-Type, then the
/// content; the header's charset handed to the reader; what is not an article said so.
@Suite struct FetchedArticleTests {
    static let page = "<!doctype html><html><head><title>Tin</title></head><body><article><h1>Bão số 3 đổ bộ</h1>"
        + "<p>Chiều nay, bão số 3 đã đổ bộ vào các tỉnh ven biển miền Bắc với sức gió mạnh.</p>"
        + "<p>Người dân được khuyến cáo không ra khỏi nhà trong suốt thời gian bão đi qua.</p></article></body></html>"

    func load(_ bytes: [UInt8], _ type: String?, charset: String? = nil) throws(LoadError) -> ImportedArticle {
        try ArticleLoader.loadFetched(FetchedBytes(address: "http://127.0.0.1/tin", bytes: bytes, mediaType: type, charset: charset))
    }

    func text(_ imported: ImportedArticle) -> String { ArticleBytes.plainText(imported.article) }

    @Test func theContentTypeDecidesTheKind() throws {
        #expect(try load(Array(Self.page.utf8), "text/html").kind == .html)
        // Served as plain text, a page is read as the text it is.
        #expect(try load(Array(Self.page.utf8), "text/plain").kind == .plainText)
        // Nothing useful said: the content decides.
        #expect(try load(Array(Self.page.utf8), nil).kind == .html)
        #expect(try load(Array(Self.page.utf8), "application/octet-stream").kind == .html)
    }

    @Test func whatIsNotAnArticleIsSaid() {
        #expect(throws: LoadError.self) { try load([0x89, 0x50, 0x4E, 0x47], "image/png") }
        do { _ = try load(Array("<rss/>".utf8), "application/rss+xml") } catch {
            #expect(error.description == "http://127.0.0.1/tin: a feed (application/rss+xml), not an article page")
        }
        do { _ = try load([0, 1, 2, 3, 0, 0, 0, 9], nil) } catch {
            #expect(error.description == "http://127.0.0.1/tin: not an article (binary content)")
        }
    }

    @Test func theHeadersCharsetIsHandedToThePage() throws {
        let utf16 = Self.page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(text(try load(utf16, "text/html", charset: "utf-16le")).contains("Chiều nay, bão số 3"))
        // A header that is wrong about UTF-8 does not spoil what the bytes are.
        let latin1 = Array("<html><body><p>Café à Paris, une ville où l'on flâne.</p></body></html>".unicodeScalars.map { UInt8($0.value) })
        #expect(text(try load(latin1, "text/html", charset: "utf-8")).contains("Café à Paris"))
        #expect(text(try load(Array(Self.page.utf8), "text/html", charset: "ISO-8859-1")).contains("Chiều nay, bão số 3"))
        // windows-1258 with no tone mark to tell it from windows-1252: only the header says which.
        let cp1258: [UInt8] = Array("<html><body><p>".utf8) + [0xD0, 0xE3, 0x6B, 0x20, 0x4C, 0xE3, 0x6B] + Array(" mùa cà phê</p></body></html>".utf8.map { $0 < 0x80 ? $0 : 0x3F })
        #expect(text(try load(cp1258, "text/html", charset: "windows-1258")).contains("Đăk Lăk"))
        #expect(text(try load([0xD0, 0xE3, 0x6B, 0x20, 0x4C, 0xE3, 0x6B, 0x0A], "text/plain", charset: "windows-1258")).contains("Đăk Lăk"))
        // Plain text in Latin-1, as its header says.
        #expect(text(try load(Array("Café crème\n\nà Paris.\n".unicodeScalars.map { UInt8($0.value) }), "text/plain", charset: "iso-8859-1"))
            .contains("Café crème"))
    }

    @Test func theAddressIsTheArticlesUnlessThePageNamesItsOwn() throws {
        #expect(try load(Array(Self.page.utf8), "text/html").article.metadata.url == "http://127.0.0.1/tin")
        let canonical = Self.page.replacingOccurrences(of: "<title>", with: "<link rel=\"canonical\" href=\"https://bao.example/a\"><title>")
        #expect(try load(Array(canonical.utf8), "text/html").article.metadata.url == "https://bao.example/a")
    }
}
