import DocBaoCore
import DocBaoLoading
import Foundation

/// Opens a link from the links list in the user's browser: `$BROWSER` (its first command, "%s"
/// standing for the address, else the address added as the last argument), else `xdg-open`.
///
/// The browser runs detached, not in the foreground with curses suspended: `xdg-open` and most
/// `$BROWSER`s start a window and return (or, for a browser already running, hand the address over
/// and return at once, or never return until the browser is closed), and they write warnings to
/// stderr. Waiting would freeze the reader; sharing the terminal would write over its screen. So
/// the child gets /dev/null for its input and output, its own session (no Ctrl-C or hang-up from
/// the reader's terminal), and docbao never waits for it. A terminal browser (lynx, w3m) as
/// `$BROWSER` has no terminal this way: it is not supported.
///
/// The command is run without a shell and the address is one argument: a page's address (untrusted)
/// can never become a command. Only http, https and ftp addresses are opened: `xdg-open` would run a
/// local file's program (a `.desktop` file) for `file:` addresses.
struct LinkOpener {
    /// The environment's browser setting (`BROWSER`), nil when unset or empty.
    var browser: String? = Environment.value("BROWSER")

    /// The schemes opened.
    static let schemes = ["http", "https", "ftp"]

    /// The program and arguments that open `url`.
    func command(for url: String) -> [String] {
        guard let browser, let first = browser.split(separator: ":").first.map(String.init),
              !first.trimmingCharacters(in: .whitespaces).isEmpty else { return ["xdg-open", url] }
        let words = first.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.contains(where: { $0.contains("%s") }) else { return words + [url] }
        return words.map { $0.replacingOccurrences(of: "%s", with: url) }
    }

    /// Starts the browser on `url`; what the status line should say.
    func open(_ url: String) -> String {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        guard url.contains(":"), Self.schemes.contains(scheme) else {
            return "Chỉ mở được liên kết http, https, ftp"
        }
        let argv = command(for: url)
        let process = Process()
        // setsid(1) gives the browser a session of its own (where there is one); env(1) finds the
        // program on PATH.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            process.arguments = ["-f", "/usr/bin/env", "--"] + argv
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["--"] + argv
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "Không mở được trình duyệt (\(TerminalSafe.line(argv[0]))): \(TerminalSafe.line(error.localizedDescription))"
        }
        return "Đang mở bằng \(TerminalSafe.line(argv[0])): \(url)"
    }
}
