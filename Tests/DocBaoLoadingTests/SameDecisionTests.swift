import DocBaoCore
@testable import DocBaoLoading
import Foundation
import Testing

/// Every command path reads an input as the same kind: the reader (with and without its preview,
/// as `--dump` and `export` load), the library's whole reads (`add`, `docbao DIR`) and grep's lines.
@Suite struct SameDecisionTests {
    /// The kind each path reads the file at `path` as.
    func kinds(_ path: String) throws -> [String: ArticleKind] {
        var lines: [String] = []
        let grep = try ArticleLines.forEach(in: path, force: false) { _, line in lines.append(line) }
        return [
            "reader": try ArticleLoader.load(.file(path), preview: true).kind,
            "dump/export": try ArticleLoader.load(.file(path), preview: false).kind,
            "add": try ArticleLoader.loadWhole(path: path).imported.kind,
            "grep": grep,
        ]
    }

    /// A JSON article of about `paragraphs` × 90 bytes.
    static func model(paragraphs: Int) throws -> String {
        let text = "Hội nghị ngoại giao\n\n" + (0..<paragraphs).map { "Đoạn \($0): ngoại giao kinh tế phục vụ phát triển đất nước.\n" }.joined(separator: "\n")
        return try ArticleJSON.encode(PlainTextImporter.importArticle(text))
    }

    @Test(arguments: [10, 8_000])  // small, and past the huge-file threshold (previews, reads in place)
    func aJSONArticleWithoutExtensionIsJSONForEveryPath(paragraphs: Int) throws {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        let model = try Self.model(paragraphs: paragraphs)
        #expect(paragraphs < 100 || model.utf8.count > PlainTextImporter.previewThreshold)
        let bare = folder.file("bai", "\n\n" + model)
        #expect(try kinds(bare).values.allSatisfy { $0 == .json })
        #expect(try kinds(folder.file("bai.json", model)).values.allSatisfy { $0 == .json })
        #expect(try kinds(folder.file("bai.txt", model)).values.allSatisfy { $0 == .plainText })
        #expect(try kinds(folder.file("ghi-chu", "{ghi chú}\n\n" + model)).values.allSatisfy { $0 == .plainText })
    }

    @Test func grepSearchesAJSONArticlesTextAsTheReaderShowsIt() throws {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        let path = folder.file("bai", try Self.model(paragraphs: 3))
        var lines: [String] = []
        try ArticleLines.forEach(in: path, force: false) { _, line in lines.append(line) }
        #expect(lines == ArticleBytes.plainText(try ArticleLoader.load(.file(path)).article).components(separatedBy: "\n"))
        #expect(!lines.contains { $0.contains("\"text\"") })
    }

    @Test func grepOnStdinDecidesByContentAsTheReaderDoes() throws {
        let model = try Self.model(paragraphs: 3)
        for (input, kind) in [("  \n" + model, ArticleKind.json), ("{ghi chú}\n" + model, .plainText), ("Bài\n", .plainText)] {
            var fds: [Int32] = [0, 0]
            #expect(pipe(&fds) == 0)
            let writer = Thread { [fd = fds[1]] in
                let bytes = Array(input.utf8)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
                close(fd)
            }
            writer.start()
            var count = 0
            let read = try ArticleLines.forEach(fd: fds[0], name: nil, force: false) { _, _ in count += 1 }
            close(fds[0])
            #expect(read == kind)
            #expect(try ArticleImporters.importArticle(Array(input.utf8), name: nil).kind == kind)
            #expect(count > 0)
        }
    }

    @Test func aNamedJSONFileThatIsNotSaysWhyOnEveryPath() throws {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        let path = folder.file("hong.json", "{\"title\": \"x\", \"blocks\": [")
        #expect { try ArticleLoader.load(.file(path)) } throws: { "\($0)".contains("not a docbao article") }
        #expect { try ArticleLoader.loadWhole(path: path) } throws: { ($0 as? LoadError)?.reason.hasPrefix("not a docbao article") == true }
        #expect { try ArticleLines.forEach(in: path, force: false) { _, _ in } } throws: { "\($0)".contains("not a docbao article") }
    }
}
