import ArgumentParser
import DocBaoCore
import DocBaoApp
import DocBaoStore
import DocBaoLoading
import DocBaoTerminal
import Foundation

/// What the reader (`docbao [options] [FILE...|DIR|ID]`, `docbao library`) was asked to do: a plain value,
/// filled by ArgumentParser (`DocBao`) or, for the commonest forms, by `fastPath` without it. The
/// one place that says what the reader does with its options is `run()`.
struct ReaderOptions: Equatable {
    var file: String?
    /// The files after the first (`docbao a.txt b.txt`): :n and :p go through them.
    var otherFiles: [String] = []
    var width: Int?
    var dump = false
    var search: String?
    var exact = false
    var word = false
    var tones: TonePlacement?
    var input: InputMethod?
    var theme: ThemeName?
    var color: ColorChoice = .auto
    var force = false
    var config: String?
    var library: String?
    /// `docbao library`: start in the library view.
    var libraryView = false

    /// The argument lists `DocBao` would parse into a value this simple, recognised without
    /// ArgumentParser, whose first parse costs more than the rest of the start-up (the Swift runtime's
    /// first protocol-conformance scans): none (`docbao`), or one existing path that is not an
    /// option (`docbao FILE`, `docbao DIR`). Everything else, mistakes included, is left to
    /// ArgumentParser (nil). `Main` has already taken the subcommands' names.
    static func fastPath(_ arguments: [String]) -> ReaderOptions? {
        switch arguments.count {
        case 0: return ReaderOptions()
        case 1:
            let path = arguments[0]
            guard !path.isEmpty, !path.hasPrefix("-"), !Main.commandNames.contains(path),
                  Platform.fileType(atPath: path) != nil else { return nil }
            return ReaderOptions(file: path)
        default: return nil
        }
    }

    /// Runs the reader as `DocBao.main` would have: an error is reported the way ArgumentParser
    /// reports it, and a `Failure` is said and becomes the exit status.
    func runAsMain() {
        do {
            try run()
        } catch {
            DocBao.exitReporting(error)
        }
    }

    func run() throws {
        // Like a pager: a non-terminal stdout, or a terminal that cannot be addressed, gets plain text.
        let dumbTerminal = Environment.value("TERM") == "dumb"
        let dumping = dump || !Platform.isTerminal(STDOUT_FILENO) || dumbTerminal
        let config = ConfigLoader.load(explicitPath: config)
        let settings = config.settings
        let readingWidth = width ?? settings.readingWidth ?? 80
        let themeName = theme ?? settings.theme ?? .auto
        if libraryView, let file {
            throw ValidationError("docbao library takes no FILE (\(TerminalSafe.line(file))); docbao FILE opens one")
        }
        if libraryView && dumping {
            // Like a pager again: the list, as `docbao list` prints it.
            return try ListCommand.parse(library.map { ["--library", $0] } ?? []).run()
        }
        if !otherFiles.isEmpty, let odd = ([file ?? ""] + otherFiles).first(where: { $0 == "-" || Platform.isDirectory($0) }) {
            throw Failure("docbao: \(odd): several FILEs are read one after another (:n, :p), and \(odd == "-" ? "stdin" : "a folder") cannot be one of them")
        }
        if dumping, let file, Platform.isDirectory(file) {
            throw Failure("docbao: \(file): is a directory; docbao DIR browses its articles in a terminal (to print them: docbao add DIR, then docbao list or docbao search)")
        }
        if dumping, let id = libraryID {
            let store = try LibraryAccess.open(library, command: "docbao")
            config.report(Output.error)
            StyledText.dump(try Self.libraryArticle(id, in: store), width: readingWidth, theme: color == .always ? Self.printed(themeName) : nil) {
                Output.out(TerminalText(article: $0))
            }
            return
        }
        if dumping, !otherFiles.isEmpty {
            // As cat would: one after the other.
            for (i, path) in ([file] + otherFiles.map(Optional.some)).enumerated() {
                try dump(path, themeName: themeName, readingWidth: readingWidth) { if i == 0 { config.report(Output.error) } }
            }
            return
        }
        if dumping {
            try dump(file, themeName: themeName, readingWidth: readingWidth) { config.report(Output.error) }
            return
        }
        let options = SearchOptions(mode: exact ? .exact : settings.searchMode ?? .smart,
                                    wholeWord: word || (settings.wholeWord ?? false))
        var reader = ReaderSettings(
            readingWidth: readingWidth,
            promptDefaults: Prompt.Defaults(options: options, inputMethod: input ?? settings.inputMethod ?? .off,
                                            placement: tones ?? settings.tones ?? .traditional),
            sidebar: settings.sidebar ?? true, align: settings.align ?? .center,
            keyMap: KeyMap().remapped(settings.keys.map { ($0.action, $0.keys) }),
            libraryKeyMap: LibraryKeyMap().remapped(settings.libraryKeys.map { ($0.action, $0.keys) }))
        reader.copy = settings.copy ?? .off
        let start = try startingScreen(search: search.map { ($0, options) })
        defer { start.cleanUp() }
        let terminal: Terminal
        do {
            terminal = try Terminal(theme: themeName, colors: Environment.colorsAllowed)
        } catch let error as Terminal.OpenError {
            throw Failure("docbao: \(error.description)")
        }
        // A temporary library (docbao DIR, docbao FEED) has no subscriptions to update.
        let app = App(terminal: terminal, settings: reader, store: start.store, libraryPath: library,
                      updater: start.temporary == nil ? LibraryViewUpdater(path: library) : nil)
        app.notice = config.notice
        app.files = start.files
        let code = app.run(start.screen)
        terminal.end()
        for warning in app.warnings { Output.error("docbao: \(warning)") }
        // The app's failure comes with status 1; 128+N (a signal ended it) comes with none.
        if code != 0 { throw Failure(app.failure.map { "docbao: \($0)" } ?? "", status: code) }
    }

    /// Prints the article at `path` (nil: stdin or the bundled one) formatted, as `--dump` does.
    /// `loaded` runs once the article is read (the config's problems are said after a failure to read it).
    /// The theme of printed colour: no terminal to ask, so COLORFGBG, else the palette that reads
    /// on both backgrounds.
    private static func printed(_ name: ThemeName) -> Theme {
        Theme(name: name.resolved(TerminalBackground.colorFGBG(Environment.value("COLORFGBG"))), colors: true)
    }

    private func dump(_ path: String?, themeName: ThemeName, readingWidth: Int, loaded done: () -> Void) throws {
        let loaded = try ArticleSource.loadOrExit(path, preview: false, force: force)
        done()
        if let notice = loaded.notice { Output.error("docbao: \(notice)") }
        let styled = color == .always ? Self.printed(themeName) : nil
        StyledText.dump(loaded.article, width: readingWidth, theme: styled) { Output.out(TerminalText(article: $0)) }
        if loaded.changed {
            throw Failure("docbao: \(path ?? "stdin"): changed while being read; what was printed may be only a part of it")
        }
    }
}
