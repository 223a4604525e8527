import ArgumentParser
import DocBaoCore
import DocBaoStore
import DocBaoApp
import DocBaoLoading
import Foundation

/// What the full-screen program shows first, and the library it works on.
struct Start {
    var screen: App.Screen
    var store: LibraryStore?
    /// A temporary library's folder (`docbao DIR`), removed when the program ends.
    var temporary: String?

    func cleanUp() {
        if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
    }
}

extension ReaderOptions {
    /// - `docbao FILE`, `docbao -`, a pipe: that article, outside the library.
    /// - `docbao DIR`: a temporary library of the folder's articles (nothing is imported).
    /// - `docbao library`: the library view.
    /// - `docbao`: the article read last, at its place; on a first run (empty library) the bundled
    ///   article, added to the library; the library view when nothing has been read yet.
    func startingScreen(search: (String, SearchOptions)?) throws -> Start {
        if let file, file != "-", Platform.isDirectory(file) {
            return try temporaryLibrary(file)
        }
        if file != nil || (!libraryView && ArticleSource.stdinCarriesAnArticle()) {
            var loaded = try ArticleSource.loadOrExit(file, preview: true, force: force)
            if loaded.changed { loaded.notice = ArticleSource.changedNotice }
            return Start(screen: .read(OpenArticle(loaded: loaded, search: search)))
        }
        let store = try LibraryAccess.open(library, command: "docbao")
        do {
            if libraryView { return Start(screen: .library(select: nil), store: store) }
            if try store.count() == 0 {
                let bundled = try ArticleSource.load(nil)
                let prepared = try PreparedArticle(article: bundled.article, original: Array(BundledArticle.text.utf8),
                                                   path: nil, fallbackTitle: BundledArticle.fileName)
                // An empty library takes it: anything else is a store that lies, ended quietly as before.
                guard case .added(let id) = try store.add([prepared]).first else { throw Failure("", status: 1) }
                return Start(screen: .read(OpenArticle(loaded: bundled, search: search, keeper: PositionKeeper(store: store, id: id))),
                             store: store)
            }
            guard let last = try store.lastRead(), let article = try store.article(last) else {
                return Start(screen: .library(select: nil), store: store)
            }
            return Start(screen: .read(OpenArticle(loaded: .init(article: article), search: search,
                                                   keeper: PositionKeeper(store: store, id: last))), store: store)
        } catch let error as LibraryError {
            throw Failure("docbao: \(error)")
        }
    }

    /// The folder's articles in a library of their own, in a temporary folder: browse and search
    /// them without adding them to yours.
    private func temporaryLibrary(_ folder: String) throws -> Start {
        let temporary = try Self.makeTemporaryFolder()
        let start = Start(screen: .library(select: nil), store: nil, temporary: temporary)
        do {
            let store = try LibraryStore(path: temporary + "/library.sqlite")
            let (files, _) = ArticleFiles.find(in: [folder])
            let bar = ProgressBar(enabled: Output.stderrIsTerminal && files.count > 200)
            let summary = try LibraryImport.run(files, into: store) { bar.show($0, of: $1) }
            bar.clear()
            guard !summary.added.isEmpty else {
                start.cleanUp()
                throw Failure("docbao: \(folder): no article (\(ArticleFiles.extensionsPhrase)) in this folder")
            }
            return Start(screen: .library(select: nil), store: store, temporary: temporary)
        } catch let error as LibraryError {
            start.cleanUp()
            throw Failure("docbao: \(error)")
        } catch let interrupted as LibraryImport.Interrupted {
            start.cleanUp()
            throw Failure("docbao: \(interrupted.error)")
        }
    }

    /// A private folder (mode 0700) in $TMPDIR named after this process, after removing the ones
    /// left by docbao processes that are gone (killed during their import).
    static func makeTemporaryFolder() throws -> String {
        do { return try Platform.makeTemporaryFolder(prefix: "docbao") } catch {
            throw Failure("docbao: \(error)")
        }
    }
}
