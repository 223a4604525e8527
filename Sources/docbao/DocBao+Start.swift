import ArgumentParser
import DocBaoCore
import DocBaoStore
import DocBaoApp
import DocBaoLoading
import DocBaoWeb
import Foundation

/// What the full-screen program shows first, and the library it works on.
struct Start {
    var screen: App.Screen
    var store: LibraryStore?
    /// A temporary library's folder (`docbao DIR`), removed when the program ends.
    var temporary: String?
    /// The files named on the command line, when there are several.
    var files: FileList?

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
        if let file, file != "-", otherFiles.isEmpty, FeedFiles.isFeed(path: file) {
            return try feedLibrary(file)
        }
        if let file, otherFiles.isEmpty, WebPage.isAddress(file) {
            return try webStart(file, search: search)
        }
        if let id = libraryID {
            let store = try LibraryAccess.open(library, command: "docbao")
            return Start(screen: .read(OpenArticle(loaded: .init(article: try Self.libraryArticle(id, in: store)), search: search,
                                                   keeper: PositionKeeper(store: store, id: id))), store: store)
        }
        if let file, file != "-" {
            // The library keeps the file's position and marks; reading goes on without it. One that
            // is not there yet keeps nothing to restore: it is made when something is first saved.
            var notice: String?
            var store: LibraryStore?
            let libraryPath = library ?? LibraryStore.defaultPath()
            let unmade = Platform.fileType(atPath: libraryPath) == nil ? libraryPath : nil
            if unmade == nil {
                do { store = try LibraryAccess.openShowingUpgrade(libraryPath) } catch {
                    notice = "Không giữ được vị trí đọc: thư viện \(error.summary)"
                }
            }
            var open = try openFile(file, store: store, unmade: unmade, search: search)
            guard !otherFiles.isEmpty else {
                open.notice = open.notice ?? notice
                return Start(screen: .read(open), store: store)
            }
            let files = FileList(paths: [file] + otherFiles) { path in
                do { return .success(try openFile(path, store: store, unmade: unmade, search: nil)) } catch let failure as Failure {
                    return .failure(FileList.FileError(String(failure.message.text.trimmingPrefix("docbao: "))))
                } catch {
                    return .failure(FileList.FileError("\(error)"))
                }
            }
            open.notice = [files.label(0), open.notice ?? notice].compactMap { $0 }.joined(separator: " · ")
            return Start(screen: .read(open), store: store, files: files)
        }
        if file != nil || (!libraryView && ArticleSource.stdinCarriesAnArticle()) {
            var loaded = try ArticleSource.loadOrExit(file, preview: true, force: force)
            if loaded.changed { loaded.notice = ArticleSource.changedNotice }
            return Start(screen: .read(OpenArticle(loaded: loaded, search: search)))
        }
        let store = try LibraryAccess.open(library, command: "docbao")
        do {
            if libraryView { return Start(screen: .library(select: nil), store: store) }
            // A file read after every library article is what `docbao` goes back to, while it is there.
            if let last = try store.lastReadFile(), Platform.fileType(atPath: last.path) == .regular,
               let open = try? openFile(last.path, store: store, search: search) {
                return Start(screen: .read(open), store: store)
            }
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

    /// The file at `path`, ready to read, its position and marks kept in `store` under its content
    /// key (`ContentKey`): at the place where the same content was left, whatever its name; or in
    /// the library at `unmade`, made when something is first saved.
    func openFile(_ path: String, store: LibraryStore?, unmade: String? = nil, search: (String, SearchOptions)?) throws -> OpenArticle {
        var loaded = try ArticleSource.loadOrExit(path, preview: true, force: force)
        if loaded.changed { loaded.notice = ArticleSource.changedNotice }
        let keeper = store.flatMap { PositionKeeper(store: $0, file: path) } ?? unmade.flatMap { library in
            // Made meanwhile when another file's place was saved (`:n`, `:p`): opened now.
            Platform.fileType(atPath: library) == nil ? PositionKeeper(library: library, file: path)
                : (try? LibraryStore(path: library)).flatMap { PositionKeeper(store: $0, file: path) }
        }
        return OpenArticle(loaded: loaded, search: search, keeper: keeper)
    }

    /// `docbao ID`: the library article of this id (as `docbao list` prints it), when the argument
    /// is a number and no file has that name.
    var libraryID: Int64? {
        guard let file, otherFiles.isEmpty, !file.isEmpty, file.count <= 18, file.allSatisfy({ $0.isASCII && $0.isNumber }),
              Platform.fileType(atPath: file) == nil else { return nil }
        return Int64(file)
    }

    /// The library article `id`, or the failure that says there is no such file and no such article.
    static func libraryArticle(_ id: Int64, in store: LibraryStore, command: String = "docbao") throws -> Article {
        let article: Article?
        do { article = try store.article(id) } catch {
            throw Failure("\(command): \(error)")
        }
        guard let article else {
            throw Failure("\(command): \(id): no such file, and the library has no article \(id) (docbao list shows the ids)")
        }
        return article
    }

    /// The folder's articles (and its feed files' entries) in a library of their own, in a
    /// temporary folder: browse and search them without adding them to yours.
    private func temporaryLibrary(_ folder: String) throws -> Start {
        try Self.temporaryLibrary { store in
            let feeds = FeedFiles.find(inFolders: [folder])
            let feedFiles = Set(feeds)
            let files = ArticleFiles.find(in: [folder]).files.filter { !feedFiles.contains($0) }
            let bar = ProgressBar(enabled: Output.stderrIsTerminal && files.count > 200)
            var summary = try LibraryImport.run(files, into: store) { bar.show($0, of: $1) }
            bar.clear()
            for feed in feeds {
                guard let parsed = try? FeedFiles.read(path: feed) else { continue }
                summary.added += try FeedEntries.add(parsed, path: feed, into: store).added
            }
            guard !summary.added.isEmpty else {
                throw Failure("docbao: \(folder): no article (\(ArticleFiles.extensionsPhrase)) in this folder")
            }
        }
    }

    /// `docbao URL`: the page's article, or a feed's entries as a temporary library (`docbao FEED`).
    private func webStart(_ address: String, search: (String, SearchOptions)?) throws -> Start {
        let fetched: FetchedBytes
        do { fetched = try WebPage.fetch(address) } catch { throw Failure("docbao: \(error.url): \(error.reason)") }
        if fetched.isFeed {
            do { return try feedLibrary(try fetched.feed(), path: fetched.address) } catch let error as LoadError {
                throw Failure("docbao: \(address): \(error.reason)")
            }
        }
        do {
            return Start(screen: .read(OpenArticle(loaded: try ArticleLoader.load(.fetched(fetched)), search: search)))
        } catch {
            throw Failure("docbao: \(address): \(error.reason)")
        }
    }

    /// A feed's entries in a library of their own, as a folder's (`docbao FEED`).
    private func feedLibrary(_ path: String) throws -> Start {
        let feed: Feed
        do { feed = try FeedFiles.read(path: path) } catch { throw Failure("docbao: \(error.name): \(error.reason)") }
        return try feedLibrary(feed, path: path)
    }

    private func feedLibrary(_ feed: Feed, path: String) throws -> Start {
        guard !feed.entries.isEmpty else { throw Failure("docbao: \(path): a feed with no entries") }
        return try Self.temporaryLibrary { store in
            let bar = ProgressBar(enabled: Output.stderrIsTerminal && feed.entries.count > 1000)
            _ = try FeedEntries.add(feed, path: path, into: store) { bar.show($0, of: $1) }
            bar.clear()
        }
    }

    /// A library in a temporary folder, filled by `fill`; the folder goes if anything fails.
    private static func temporaryLibrary(_ fill: (LibraryStore) throws -> Void) throws -> Start {
        let temporary = try makeTemporaryFolder()
        let start = Start(screen: .library(select: nil), store: nil, temporary: temporary)
        do {
            let store = try LibraryStore(path: temporary + "/library.sqlite")
            try fill(store)
            return Start(screen: .library(select: nil), store: store, temporary: temporary)
        } catch let error as LibraryError {
            start.cleanUp()
            throw Failure("docbao: \(error)")
        } catch let interrupted as LibraryImport.Interrupted {
            start.cleanUp()
            throw Failure("docbao: \(interrupted.error)")
        } catch {
            start.cleanUp()
            throw error
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
