import DocBaoCore
import DocBaoLoading
import Foundation

/// The reader as the event loop runs it: the core's `Reader` for messages, reducing and drawing,
/// and the effect runner around it: the search history and marks saved, the position kept in the
/// library, the whole of a huge article imported in the background, the library asked for.
struct ReaderScreen: Program {
    typealias State = ReaderState
    typealias Message = DocBaoCore.Message
    typealias Effect = DocBaoCore.Effect

    enum Outcome: Equatable {
        case quit
        /// The user asked for the library (L).
        case library
        /// :n or :p: the file at this index of the command line's files.
        case file(Int)
        /// J, K or U: the article `list.current` of the library's list.
        case article(ArticleList)
        /// A terminating signal arrived.
        case signal(Int32)
    }

    /// Where the article is kept in the library (position and marks saved there), if it is.
    let keeper: PositionKeeper?
    let historyPath: String
    let settings: ReaderSettings
    /// The command line's files, when there are several: which one this is and how many.
    let files: (index: Int, ends: (Int) -> String?)?
    /// Readies the library for `L`: nil when it can be shown, else why not (said on the status
    /// line, and the reader stays).
    let library: () -> String?
    /// Sends a sequence straight to the terminal (the clipboard request of y in the links list).
    let passThrough: (String) -> Void
    /// What imports the whole of a huge article, until it is started after the first frame (on a
    /// machine with few cores its thread would otherwise compete with the first frame).
    private var whole: (@Sendable () -> (article: Article, notice: String?))?
    private var loading: BackgroundImport?
    /// A huge article's file, which its text is read back from once the whole is in.
    private var file: (any TextFile)?
    private var toldChanged = false
    /// The file a search scans while the whole imports (`Effect.scanMiddle`), and the scan running.
    private let middlePath: String?
    private var middleSearch: MiddleSearch?

    /// Effects of the opening state, performed once the first frame is out.
    private var opening: [Effect]

    init(_ open: OpenArticle, historyPath: String, settings: ReaderSettings = ReaderSettings(), opening: [Effect] = [],
         files: (index: Int, ends: (Int) -> String?)? = nil,
         passThrough: @escaping (String) -> Void = { _ in }, library: @escaping () -> String?) {
        keeper = open.keeper
        self.settings = settings
        self.historyPath = historyPath
        self.files = files
        self.passThrough = passThrough
        self.library = library
        whole = open.whole
        middlePath = open.middle?.path
        self.opening = opening
    }

    /// The state the reader opens with: the settings applied, the history loaded, the position or
    /// the search to open at, `notice` (else the input's, else the history's) on the status line.
    /// Its effects (the scan of a huge file's middle for `--search`) are the program's to perform
    /// after the first frame (`opening`).
    static func initialState(_ open: OpenArticle, size: Size, settings: ReaderSettings, notice: String?,
                             historyPath: String) -> (state: ReaderState, effects: [Effect]) {
        var state = ReaderState(article: open.article, size: size, readingWidth: settings.readingWidth, keyMap: settings.keyMap)
        // One section is no list: its sidebar would only take room from the text (s shows it).
        if !settings.sidebar || open.article.sections.count <= 1 { state.setSidebarWanted(false) }
        let history = SearchHistoryStore.load(from: historyPath)
        state.history = history.queries
        state.message = notice ?? open.notice ?? history.notice
        state.promptDefaults = settings.promptDefaults
        state.align = settings.align
        state.copyLinks = settings.copy == .osc52
        state.loading = open.whole != nil
        // For tests: a small article stands for one whose fold is too big to keep (Tests/e2e/test_search_whole.py).
        if let limit = ProcessInfo.processInfo.environment["DOCBAO_TEST_FOLD_KEEP_LIMIT"].flatMap({ Int($0) }) { state.foldKeepLimit = limit }
        state.tailStart = open.tailStart
        state.middle = open.middle?.range
        state.articles = open.articles
        // A search opens at its first match, not at the saved position.
        open.keeper?.restore(&state, position: open.search == nil && open.offset == nil)
        if let offset = open.offset { Reader.go(&state, toSourceOffset: offset) }
        var effects: [Effect] = []
        if let search = open.search { effects = Reader.startSearch(&state, query: search.query, options: search.options) }
        return (state, effects)
    }

    func message(for event: InputEvent, in state: ReaderState) -> Message? { Reader.message(for: event, in: state) }
    func message(forSignal signal: Int32) -> Message { .signal(signal) }
    func reduce(_ state: inout ReaderState, _ message: Message) -> [Effect] { Reader.reduce(&state, message) }
    func render(_ state: ReaderState) -> Frame { Renderer.render(state) }
    func messageBeforeFrame(_ state: ReaderState) -> Message? { .settle }
    /// Often while the article loads, to take the whole as soon as it is in.
    func waitTimeout(_ state: ReaderState) -> Int32 { state.loading ? 20 : 250 }

    mutating func perform(_ effect: Effect, in state: ReaderState) -> EffectResult<Message, Outcome> {
        switch effect {
        case .quit: return end(.quit, state)
        case .signalled(let n): return end(.signal(n), state)
        case .openLibrary:
            guard let problem = library() else { return end(.library, state) }
            return .send([.notice("Thư viện: \(problem)")])
        case .switchFile(let step):
            guard let files else { return .send([.notice(":n và :p đi qua các tệp ghi trên dòng lệnh (docbao a.txt b.txt)")]) }
            let to = files.index + step
            if let end = files.ends(to) { return .send([.notice(end)]) }
            return end(.file(to), state)
        case .openArticle(let list): return end(.article(list), state)
        case .redrawAll: return .repaint
        case .openAddress(let url), .openLink(let url):
            return .send([.notice(LinkOpener(browser: settings.browser).open(url))])
        case .copyAddress(let url):
            guard settings.copy == .osc52 else {
                return .send([.notice("Chép cần copy = \"osc52\" trong [reader]; địa chỉ: \(url)")])
            }
            passThrough(Self.clipboardRequest(url))
            return .send([.notice("Đã chép địa chỉ")])
        case .copyLink(let url): passThrough(Self.clipboardRequest(url))
        case .saveHistory(let queries):
            do { try SearchHistoryStore.save(queries, to: historyPath) } catch {
                return .send([.notice("Không lưu được lịch sử tìm kiếm: \(error)")])
            }
        case .saveMarks(let marks):
            // Outside the library the reader holds the marks for this run only.
            if let failure = keeper?.saveMarks(marks) { return .send([.notice(failure)]) }
        case .scanMiddle(let scan):
            middleSearch?.stop()
            middleSearch = middlePath.map { MiddleSearch(path: $0, scan) }
        }
        return .done
    }

    /// OSC 52: asks the terminal to put `text` on the system clipboard ("c"), base64 so that
    /// nothing in it can end the sequence; BEL ends it (understood where ST is, and by tmux).
    static func clipboardRequest(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// The run ends however it ends with the position saved: the one place the reader leaves an
    /// article (q, L, J, K, U, :n and :p, a terminating signal).
    private func end(_ outcome: Outcome, _ state: ReaderState) -> EffectResult<Message, Outcome> {
        _ = keeper?.save(state, leaving: true)
        return .finish(outcome)
    }

    /// The whole article when its import is done; the position, saved every few seconds while it
    /// changes (a failure said once).
    mutating func poll(_ state: ReaderState) -> [Message] {
        var news: [Message] = []
        if state.loading, let hit = middleSearch?.take() { news.append(.middleFound(hit)) }
        if state.loading, let done = loading?.take() {
            file = done.article.blocks.first(where: \.isFiled)?.textFile
            news.append(.articleLoaded(done.article))
            if let notice = done.notice { news.append(.notice(notice)) }
        }
        if let failure = keeper?.saveNow(state, ifOlderThan: 3) { news.append(.notice(failure)) }
        return news
    }

    /// Performs the opening's effects (the scan for `--search` first, so the import's thread does
    /// not hold it up) and starts a huge article's import once the first screen is out; says once
    /// that its file changed since it was opened, on the first frame after text no longer in the
    /// file was met that shows the status line (not a search prompt typed over it).
    mutating func messagesAfterFrame(_ state: ReaderState) -> [Message] {
        var news: [Message] = []
        for effect in opening {
            if case .send(let answers) = perform(effect, in: state) { news += answers }
        }
        opening = []
        if let work = whole.take() { loading = BackgroundImport(work) }
        guard let file, file.hasChanged, !toldChanged, state.prompt == nil else { return news }
        toldChanged = true
        return news + [.notice("Tệp đã đổi (hoặc lỗi đọc) từ khi mở: chỗ khác đi hiện bằng dấu ?; mở lại để đọc bản mới")]
    }
}
