import DocBaoCore
import DocBaoLoading
import Foundation
import Testing

/// A huge article read from its file in pieces (`FileBytes.Pieces`), its blocks read back from
/// the open file (`FileBytes.OpenFile`): in any order, after the file is removed, and after it is
/// changed.
@Suite struct OpenFileTests {
    /// A numbered article of `paragraphs` paragraphs, one a line.
    static func article(paragraphs: Int) -> String {
        (["Bài báo dài để thử đọc lại từ tệp", ""] + (0..<paragraphs).map {
            "Đoạn \($0): công tác ngoại giao kinh tế phục vụ phát triển đất nước trong tình hình mới."
        }).joined(separator: "\n") + "\n"
    }

    @Test func blocksReadBackInAnyOrderEvenAfterTheFileIsRemoved() throws {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        let text = Self.article(paragraphs: 5_000)  // about 500 KB: several windows of the file
        let path = folder.file("dai.txt", text)
        let article = try PlainTextImporter.importArticle(source: FileBytes.Pieces(path: path)).article
        let expected = PlainTextImporter.importArticle(text)
        #expect(article.blocks.filter(\.isFiled).count > 4_900)
        // Forwards, backwards and jumping about, through the window and around it.
        let order = Array(article.blocks.indices) + article.blocks.indices.reversed() + stride(from: 0, to: article.blocks.count, by: 97).map { ($0 * 7919) % article.blocks.count }
        for i in order { #expect(article.blocks[i].text == expected.blocks[i].text, "block \(i)") }

        // Removed: the open file is still there to read (as less keeps reading a removed file).
        try FileManager.default.removeItem(atPath: path)
        #expect(article.blocks[2500].text == expected.blocks[2500].text)
    }

    @Test func aFileChangedAfterTheImportShowsQuestionMarksNotOtherText() throws {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        let text = Self.article(paragraphs: 5_000)  // larger than the window the file is read in
        let path = folder.file("doi.txt", text)
        let source = try FileBytes.Pieces(path: path)
        let article = try PlainTextImporter.importArticle(source: source).article
        let expected = PlainTextImporter.importArticle(text)
        // Far from the window the import's last reads left (at the end): read alone, the window emptied.
        #expect(article.blocks[1].text == expected.blocks[1].text)
        #expect(!source.file.hasChanged)
        // Rewritten in place with the paragraphs in another order, then cut short.
        let changed = Array(text.replacingOccurrences(of: "Đoạn 1", with: "Đoạn 9").utf8)
        let fd = open(path, O_WRONLY)
        #expect(fd >= 0)
        #expect(changed.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == changed.count)
        #expect(ftruncate(fd, off_t(changed.count / 2)) == 0)
        close(fd)
        // Past the cut: question marks of the same length (the window read before holds only the start).
        let last = try #require(article.blocks.last)
        #expect(last.isFiled && last.text == String(repeating: "?", count: last.utf8Count))
        #expect(source.file.hasChanged && last.textFile === source.file)  // so the reader can say why
        // Everywhere else, read in order through the window: the text where its bytes are still
        // there, question marks where they changed ("Đoạn 1…" became "Đoạn 9…") or were cut off.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var offsets: [Substring: Int] = [:]
        var at = 0
        for line in lines { offsets[line] = at; at += line.utf8.count + 1 }
        var changedCount = 0
        for (i, (block, original)) in zip(article.blocks, expected.blocks).enumerated() where block.isFiled {
            let start = try #require(offsets[Substring(original.text)])
            let end = start + original.utf8Count
            let same = end <= changed.count / 2 && Array(changed[start..<end]) == Array(original.text.utf8)
            if !same { changedCount += 1 }
            #expect(block.text == (same ? original.text : String(repeating: "?", count: original.utf8Count)), "block \(i)")
        }
        #expect(changedCount > article.blocks.count / 2)
    }
}
