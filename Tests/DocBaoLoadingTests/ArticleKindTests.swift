import DocBaoCore
@testable import DocBaoLoading
import Foundation
import Testing

/// What an input is, decided in one place (`ArticleImporters`): by the name's extension, else by
/// the first bytes; a guess that is wrong falls back to plain text; binary and blank input refused.
@Suite struct ArticleKindTests {
    static let model = try! ArticleJSON.encode(PlainTextImporter.importArticle(
        "Hội nghị ngoại giao lần thứ 29\n\nĐoạn một về kinh tế.\n\nĐoạn hai về văn hoá.\n"))
    static let text = Array("Hội nghị ngoại giao\n\nĐoạn một.\n".utf8)

    @Test func theNameDecidesWhenItHasAKnownExtension() {
        #expect(ArticleImporters.decide(name: "bai.json", head: Self.text) == KindDecision(kind: .json, byName: true))
        #expect(ArticleImporters.decide(name: "/x/BAI.JSON", head: Self.text) == KindDecision(kind: .json, byName: true))
        #expect(ArticleImporters.decide(name: "bai.txt", head: Array(Self.model.utf8)) == KindDecision(kind: .plainText, byName: true))
        #expect(ArticleImporters.decide(name: "a.Txt", head: []) == KindDecision(kind: .plainText, byName: true))
    }

    @Test func contentDecidesForStdinAndUnknownOrMissingExtensions() {
        for name in [nil, "bai", "bai.md", "bai.json.bak", "thư-mục.json/bai"] as [String?] {
            #expect(ArticleImporters.decide(name: name, head: Array(Self.model.utf8)) == KindDecision(kind: .json, byName: false), "\(name ?? "stdin")")
            #expect(ArticleImporters.decide(name: name, head: Array(" \n\t{".utf8)).kind == .json)
            #expect(ArticleImporters.decide(name: name, head: Self.text) == KindDecision(kind: .plainText, byName: false))
            #expect(ArticleImporters.decide(name: name, head: []).kind == .plainText)
        }
    }

    @Test func theRegistryListsEachImporterOnceWithPlainTextLast() {
        #expect(ArticleImporters.extensions == ["txt", "json", "html", "htm", "xhtml"])
        #expect(ArticleImporters.all.last?.kind == .plainText)
        #expect(Set(ArticleImporters.all.map(\.kind)).count == ArticleImporters.all.count)
        #expect(ArticleImporters.importer(forName: "a.md") == nil)
        #expect(ArticleImporters.importer(forName: "a.json")?.kind == .json)
        #expect(ArticleImporters.importer(of: .json).kind == .json)
        #expect(ArticleFiles.extensionsPhrase == ".txt, .html, .htm, .xhtml or .json")
    }

    @Test func aWrongGuessIsReadAsTextButANamedKindSaysItsError() throws {
        let notJSON = Array("{ghi chú} về ngoại giao\n\nĐoạn hai.\n".utf8)
        let guessed = try ArticleImporters.importArticle(notJSON, name: "ghi-chu")
        #expect(guessed.kind == .plainText)
        #expect(guessed.article.blocks.contains { $0.text.contains("{ghi chú}") })
        #expect(throws: ArticleBytes.Failure.self) { try ArticleImporters.importArticle(notJSON, name: "ghi-chu.json") }
        do {
            _ = try ArticleImporters.importArticle(notJSON, name: "ghi-chu.json")
        } catch {
            guard case .badJSON = error else { Issue.record("\(error)"); return }
        }
        let json = try ArticleImporters.importArticle(Array(Self.model.utf8), name: nil)
        #expect(json.kind == .json)
        #expect(json.article.title == "Hội nghị ngoại giao lần thứ 29")
        // Named .txt, the JSON is text.
        #expect(try ArticleImporters.importArticle(Array(Self.model.utf8), name: "bai.txt").kind == .plainText)
    }

    @Test func binaryAndBlankInputAreRefusedWhateverTheName() throws {
        let binary = Self.text + [0] + Self.text
        for name in ["a.txt", "a.json", "a", nil] as [String?] {
            #expect(throws: ArticleBytes.Failure.binary) { try ArticleImporters.importArticle(binary, name: name) }
            #expect(throws: ArticleBytes.Failure.empty) { try ArticleImporters.importArticle(Array(" \n\t\r\n".utf8), name: name) }
        }
        #expect(try ArticleImporters.importArticle(binary, name: "a", force: true).kind == .plainText)
    }

    @Test func foldersOfferTheRegistrysExtensionsOnly() {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        _ = folder.file("a.txt", "Bài a\n")
        _ = folder.file("b.JSON", Self.model)
        _ = folder.file("c.md", "Bài c\n")
        _ = folder.file("d", Self.model)
        _ = folder.file(".e.txt", "Ẩn\n")
        let (files, skipped) = ArticleFiles.find(in: [folder.folder, folder.folder + "/d", folder.folder + "/khong-co"])
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["a.txt", "b.JSON", "d"])
        #expect(skipped == [SkippedFile(path: folder.folder + "/khong-co", reason: "no such file")])
    }

    @Test func platformTellsWhatAPathIs() throws {
        let folder = TemporaryFolder()
        defer { folder.clean() }
        #expect(Platform.isDirectory(folder.folder))
        #expect(Platform.fileType(atPath: folder.file("a.txt", "x")) == .regular)
        #expect(Platform.fileType(atPath: "/dev/null") == .other)
        #expect(Platform.fileType(atPath: folder.folder + "/khong-co") == nil)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(Platform.fileType(of: fds[0]) == .pipe)
        #expect(!Platform.isTerminal(fds[0]))
        let made = try Platform.makeTemporaryFolder(prefix: "docbao-platform-test")
        defer { try? FileManager.default.removeItem(atPath: made) }
        #expect(Platform.isDirectory(made))
    }
}
