import DocBaoCore
import Foundation

/// Seed corpora made at run time from the shared test data (`../shared`), never stored in the repository.
enum Seeds {
    static func write(to out: URL, shared: URL) throws {
        let fm = FileManager.default
        var articles: [URL] = [shared.appendingPathComponent("seed/hoi-nghi-ngoai-giao-29.txt")]
        for dir in ["testdata/articles", "testdata/articles-dantri"] {
            let folder = shared.appendingPathComponent(dir)
            articles += try fm.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
                .map { folder.appendingPathComponent($0) }
        }
        var corpora: [FuzzTarget: [(name: String, bytes: [UInt8])]] = [:]
        for (n, url) in articles.enumerated() {
            let name = url.deletingPathExtension().lastPathComponent
            let bytes = [UInt8](try Data(contentsOf: url))
            let head = Array(bytes.prefix(2048))
            let article = PlainTextImporter.importArticle(bytes: bytes).article
            corpora[.importer, default: []].append((name, Array(bytes.prefix(16384))))  // small inputs run faster
            corpora[.json, default: []].append((name, Array(try ArticleJSON.encode(article).utf8)))
            corpora[.layout, default: []].append((name, [UInt8(n * 37 % 200)] + head))
            let words = article.title.split(separator: " ")
            var query = words.isEmpty ? "a" : String(words[n % words.count])
            if n % 2 == 1 { query = withoutMarks(query) }  // as typed in smart mode
            corpora[.matcher, default: []].append((name, [UInt8(n % 4)] + Array(query.utf8) + [0x0A] + head))
        }
        // The seed article in UTF-16, both byte orders, with its byte order mark.
        let seedText = try String(contentsOf: articles[0], encoding: .utf8)
        corpora[.importer, default: []].append(("seed-utf16le", [0xFF, 0xFE] + seedText.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        corpora[.importer, default: []].append(("seed-utf16be", [0xFE, 0xFF] + seedText.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }))
        // Telex and VNI key sequences from the oracle, eight words to a seed, in both tone placements.
        let oracle = try String(contentsOf: shared.appendingPathComponent("testdata/oracles/telex_cases.tsv"), encoding: .utf8)
        var keys: [String: [String]] = [:]
        for row in oracle.split(separator: "\n") where !row.hasPrefix("#") && !row.hasPrefix("id\t") {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
            if cells.count > 2 { keys[String(cells[1]), default: []].append(String(cells[2])) }
        }
        for (method, code) in [("telex", 1), ("vni", 2)] {
            let rows = keys[method] ?? []
            for start in stride(from: 0, to: rows.count, by: 8) {
                let words = rows[start..<min(start + 8, rows.count)].joined(separator: " ")
                let placement = start / 8 % 2 * InputMethod.allCases.count  // modern in every other seed
                corpora[.composer, default: []].append(("\(method)-\(start)", [UInt8(code + placement)] + Array(words.utf8)))
            }
        }
        corpora[.composer, default: []].append(("backspace", [1] + Array("nguoiwf\u{7F}\u{7F}\u{1}ddaau\u{2}hoaf\u{3}khoer".utf8)))
        // Saved web pages (Readability's test pages), their first 64 KB.
        let pages = shared.appendingPathComponent("web/readability")
        for name in (try? fm.contentsOfDirectory(atPath: pages.path))?.sorted() ?? [] {
            let page = pages.appendingPathComponent(name).appendingPathComponent("source.html")
            if let data = fm.contents(atPath: page.path) { corpora[.html, default: []].append((name, Array(data.prefix(65536)))) }
        }
        for (target, seeds) in corpora {
            let dir = out.appendingPathComponent(target.rawValue)
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            for seed in seeds { try Data(seed.bytes).write(to: dir.appendingPathComponent(seed.name)) }
        }
    }

    /// "Ngoại" → "Ngoai", "đấu" → "dau": a word as typed without Vietnamese marks.
    static func withoutMarks(_ word: String) -> String {
        let scalars = word.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !$0.properties.isGraphemeExtend }
        return String(String.UnicodeScalarView(scalars)).replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
    }
}
