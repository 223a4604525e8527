import Foundation
import TestCorpus

/// Paths to the shared test corpora (`Corpus`), as URLs, and what the core's tests read in them.
enum TestData {
    /// The project root (the folder holding Package.swift).
    static let projectRoot = Corpus.projectRoot
    static let shared = URL(fileURLWithPath: Corpus.root)
    static let testdata = shared.appendingPathComponent("testdata")
    static let oracles = testdata.appendingPathComponent("oracles")
    static let seed = shared.appendingPathComponent("seed/hoi-nghi-ngoai-giao-29.txt")
    /// The article bundled in Resources/ (a copy of the seed).
    static let bundled = projectRoot.appendingPathComponent("Resources/hoi-nghi-ngoai-giao-29.txt")

    static func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// Every `.txt` article in `articles/` and `articles-dantri/`, sorted by path.
    static func corpusArticles() throws -> [URL] {
        var urls: [URL] = []
        for dir in ["articles", "articles-dantri"] {
            let folder = testdata.appendingPathComponent(dir)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            urls += names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
        }
        return urls
    }

    /// Rows of a TSV oracle: `#` comment lines skipped, the first remaining line is the header.
    static func tsv(_ name: String) throws -> [[String: String]] {
        let lines = try text(oracles.appendingPathComponent(name))
            .split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("#") }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (i, key) in header.enumerated() { row[key] = i < cells.count ? cells[i] : "" }
            return row
        }
    }
}
