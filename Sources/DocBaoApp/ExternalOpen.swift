import DocBaoCore
import Foundation

/// Opening an address outside docbao: in the user's browser ($BROWSER, else xdg-open), started
/// with its input and output on /dev/null so nothing it prints reaches the screen docbao draws,
/// and not waited for. Only http and https addresses are opened: an article's address is
/// untrusted, and `file:` or a scheme handler is not something to launch from a key.
public enum ExternalOpen {
    /// The program and its arguments that open `url`: $BROWSER's first entry (a colon-separated
    /// list, "%s" standing for the address, as xdg-utils read it) run by /bin/sh with the address as
    /// `$1` (never spliced into the command), else `xdg-open URL`.
    public static func command(for url: String, browser: String?) -> [String] {
        guard let first = browser?.split(separator: ":").first.map(String.init), !first.allSatisfy(\.isWhitespace) else {
            return ["xdg-open", url]
        }
        let script = first.contains("%s") ? first.replacingOccurrences(of: "%s", with: "\"$1\"") : first + " \"$1\""
        return ["/bin/sh", "-c", script, "sh", url]
    }

    /// Whether `url` may be opened: http or https.
    public static func isOpenable(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// Starts the browser on `url`; nil when started, else why not (for the status line).
    public static func open(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard isOpenable(url) else { return "Chỉ mở được địa chỉ http(s)" }
        let argv = command(for: url, browser: environment["BROWSER"])
        let process = Process()
        // xdg-open is looked up on PATH; /usr/bin/env does that without a shell.
        process.executableURL = URL(fileURLWithPath: argv[0].hasPrefix("/") ? argv[0] : "/usr/bin/env")
        process.arguments = argv[0].hasPrefix("/") ? Array(argv.dropFirst()) : argv
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return nil
        } catch {
            return "Không mở được trình duyệt: \(error.localizedDescription)"
        }
    }
}

/// Copying through the terminal: OSC 52 asks the terminal (or tmux) to put text on the clipboard.
public enum Clipboard {
    /// `ESC ] 52 ; c ; BASE64 BEL`.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// Writes to the terminal docbao draws on (stdout), past curses: the sequence moves nothing.
    public static func writeToTerminal(_ sequence: String) {
        FileHandle.standardOutput.write(Data(sequence.utf8))
    }
}
