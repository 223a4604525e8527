import CNcursesw
import CursesShim
import DocBaoCore
import Glibc

/// The ncurses backend: draws `Frame`s and turns terminal input into `InputEvent`s. Nothing else.
public final class Terminal: TerminalBackend {
    /// Why the terminal could not be opened.
    public struct OpenError: Error, CustomStringConvertible {
        public let description: String
    }

    private let screen: OpaquePointer
    private let theme: Theme
    private var inputFile: UnsafeMutablePointer<FILE>?
    /// The terminal's answers still due when the background question gave up waiting: read out of
    /// the keys until DA1 comes, so that a late answer is never taken for keys.
    private var lateAnswers: TerminalAnswers?

    /// Opens the terminal on stdout. Keys come from stdin, or from /dev/tty when stdin is not a
    /// terminal (the article was piped in), as in less.
    public init(theme: ThemeName, colors: Bool) throws {
        guard shim_ensure_utf8_locale() != 0 else {
            throw OpenError(description: "no UTF-8 locale is available (tried the environment's and C.UTF-8)")
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw OpenError(description: "TERM is \(term.isEmpty ? "not set" : "dumb"); use --dump for plain text")
        }
        if isatty(STDIN_FILENO) == 0 {
            inputFile = fopen("/dev/tty", "r")
            guard inputFile != nil else { throw OpenError(description: "cannot read keys: no terminal (/dev/tty)") }
        } else {
            inputFile = fdopen(dup(STDIN_FILENO), "r")
        }
        // Before curses: the answer is read with echo off, and keys typed meanwhile are kept.
        let asked = theme == .auto && colors ? BackgroundQuery.ask(input: fileno(inputFile), output: STDOUT_FILENO) : nil
        let background = asked?.background ?? TerminalBackground.colorFGBG(getenv("COLORFGBG").map { String(cString: $0) })
        shim_install_signal_handlers()
        guard let screen = newterm(nil, shim_stdout(), inputFile) else {
            shim_restore_signal_handlers()
            if let f = inputFile { fclose(f) }
            throw OpenError(description: "unknown terminal type '\(term)'; try TERM=xterm-256color, or use --dump")
        }
        self.screen = screen
        shim_set_curses_active(1)
        set_escdelay(25)
        cbreak()
        noecho()
        nonl()
        intrflush(shim_stdscr(), false)
        // Let Ctrl-S and Ctrl-Q reach the key map instead of pausing output (XON/XOFF). endwin()
        // gives the terminal back with the shell's own settings.
        if let input = inputFile {
            var modes = termios()
            let fd = fileno(input)
            if tcgetattr(fd, &modes) == 0 {
                modes.c_iflag &= ~tcflag_t(IXON)
                tcsetattr(fd, TCSANOW, &modes)
                def_prog_mode()
            }
        }
        keypad(shim_stdscr(), true)
        curs_set(0)
        // Keys some terminals (tmux, rxvt, the Linux console) send that their terminfo entries omit.
        for (sequence, key) in [("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME),
                                ("\u{1B}[8~", KEY_END), ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END),
                                ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END)] {
            define_key(sequence, key)
        }
        mousemask(shim_mouse_mask(), nil)
        mouseinterval(0)
        // The keys typed during the question, back in the input queue (a stack: last first).
        if let typed = asked?.typed, !typed.isEmpty {
            for scalar in String(decoding: typed, as: UTF8.self).unicodeScalars.reversed() {
                unget_wch(wchar_t(bitPattern: scalar.value))
            }
        }
        lateAnswers = asked?.pending
        self.theme = Theme(name: theme.resolved(background), colors: colors && has_colors())
        self.theme.install()
    }

    deinit { end() }

    private var ended = false

    /// Leaves curses mode and gives the terminal back as it was, and the signals their former
    /// actions (a later SIGPIPE ends the process quietly again). Safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        endwin()
        shim_set_curses_active(0)
        shim_restore_signal_handlers()
        delscreen(screen)
        if let f = inputFile { fclose(f) }
        inputFile = nil
    }

    public var size: Size { Size(width: Int(getmaxx(shim_stdscr())), height: Int(getmaxy(shim_stdscr()))) }

    /// Draws `frame`; ncurses sends only what changed.
    public func present(_ frame: Frame) {
        let win = shim_stdscr()
        let width = min(frame.size.width, Int(getmaxx(win)))
        let height = min(frame.size.height, Int(getmaxy(win)))
        var cell = cchar_t()
        var chars = [wchar_t](repeating: 0, count: 6)
        // Styles come in runs: the look (a dictionary lookup) is fetched when the style changes.
        var style = Style.normal
        var look = theme.look(style)
        for y in 0..<height {
            for x in 0..<width {
                let c = frame[x, y]
                if c.text.isEmpty { continue }  // right half of a wide character
                var n = 0
                for s in c.text.unicodeScalars where n < 5 { chars[n] = wchar_t(bitPattern: s.value); n += 1 }
                chars[n] = 0
                if c.style != style { style = c.style; look = theme.look(style) }
                setcchar(&cell, chars, look.attributes, look.pair, nil)
                // The bottom-right cell: writing it scrolls on some terminals; ncurses handles it
                // with insert mode, and its error return is harmless.
                mvwadd_wch(win, Int32(y), Int32(x), &cell)
            }
        }
        wnoutrefresh(win)
        doupdate()
    }

    /// Forces a full repaint on the next `present` (Ctrl-L, or after the terminal was disturbed).
    /// After what curses has buffered, so the sequence never lands inside one of its own.
    public func passThrough(_ sequence: String) {
        fflush(shim_stdout())
        let bytes = Array(sequence.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + written, $0.count - written) }
            if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
            written += n
        }
    }

    public func invalidate() {
        clearok(shim_stdscr(), true)
    }

    /// The next input event, waiting at most `timeout` milliseconds (-1: forever, 0: only if pending).
    /// Returns nil on timeout or when a signal interrupted the wait.
    public func nextEvent(timeout: Int32) -> InputEvent? {
        if lateAnswers != nil { return nextEventPastAnswers(timeout: timeout) }
        wtimeout(shim_stdscr(), timeout)
        var ch: wint_t = 0
        let kind = wget_wch(shim_stdscr(), &ch)
        if kind == ERR { return nil }
        if kind == KEY_CODE_YES { return functionKey(Int32(ch)) }
        return key(UInt32(ch))
    }

    private func key(_ value: UInt32) -> InputEvent? {
        if value == 0x1B, droppedUnknownSequence() { return nil }
        return character(value)
    }

    /// `nextEvent` while the terminal's answers may still come: what it reads goes through
    /// `lateAnswers`, which swallows them whole (waiting up to 200 ms for the rest of one begun);
    /// the rest are keys. Nil also when an answer was all there was.
    private func nextEventPastAnswers(timeout: Int32) -> InputEvent? {
        guard var answers = lateAnswers else { return nil }
        defer { lateAnswers = answers.complete ? nil : answers }
        var ch: wint_t = 0
        while true {
            wtimeout(shim_stdscr(), answers.isIdle ? timeout : 200)
            let kind = wget_wch(shim_stdscr(), &ch)
            if kind == KEY_CODE_YES {
                _ = answers.flush()
                return functionKey(Int32(ch))
            }
            let keys = kind == ERR ? answers.flush() : answers.feed(UInt32(ch))
            if let first = keys.first {
                for later in keys.dropFirst().reversed() { unget_wch(wchar_t(bitPattern: later)) }
                return key(first)
            }
            if kind == ERR || answers.isIdle { return nil }
        }
    }

    /// The terminating signal received (SIGINT, SIGTERM, SIGHUP, SIGPIPE, … any whose default action
    /// ends the process), if any.
    public func takeSignal() -> Int32? {
        let sig = shim_take_signal()
        return sig == 0 ? nil : sig
    }

    /// After an ESC that ncurses did not recognise as a key: if more of a sequence is already waiting
    /// (ESC [ … final byte, or ESC O x), reads and drops it whole, so an unknown key never arrives as
    /// a string of letters that are commands ('[' is "previous section"). Returns false for a lone
    /// ESC (the Escape key).
    private func droppedUnknownSequence() -> Bool {
        wtimeout(shim_stdscr(), 0)
        var ch: wint_t = 0
        guard wget_wch(shim_stdscr(), &ch) != ERR else { return false }
        switch UInt32(ch) {
        case 0x5B:  // CSI: parameters and intermediates up to a final byte 0x40–0x7E
            while wget_wch(shim_stdscr(), &ch) != ERR, !(0x40...0x7E).contains(UInt32(ch)) {}
            return true
        case 0x4F:  // SS3: one more byte
            _ = wget_wch(shim_stdscr(), &ch)
            return true
        default:
            // ESC typed just before another key (or Alt+key): the Escape key, then that key.
            unget_wch(wchar_t(bitPattern: ch))
            return false
        }
    }

    private func character(_ value: UInt32) -> InputEvent? {
        switch value {
        case 0x0A, 0x0D: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x1B: return .key(.escape)
        case 0x7F, 0x08: return .key(.backspace)
        case 0x01...0x1A: return .key(.ctrl(Character(Unicode.Scalar(value + 0x60)!)))
        case 0x00, 0x1C...0x1F, 0x80...0x9F: return nil  // Ctrl-Space, Ctrl-\ …: no key of ours
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_RESIZE: return .resize(size)
        case KEY_MOUSE: return mouseEvent()
        default:
            for n in 1...12 where code == shim_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        if shim_is_wheel_up(event.bstate) != 0 { return .mouse(.wheelUp(x: x, y: y)) }
        if shim_is_wheel_down(event.bstate) != 0 { return .mouse(.wheelDown(x: x, y: y)) }
        if shim_is_click(event.bstate) != 0 { return .mouse(.click(x: x, y: y)) }
        return nil
    }
}
