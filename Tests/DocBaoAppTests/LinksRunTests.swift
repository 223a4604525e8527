import DocBaoCore
import Foundation
import Testing
@testable import DocBaoApp

/// The links list in whole runs (issue 16): o lists a web page's links, Enter opens one with
/// `$BROWSER` (a script here that writes down its argument), y copies it with OSC 52 only when the
/// config allows. Serialized: the runs set `BROWSER` in this process's environment.
@Suite(.serialized) struct LinksRunTests {
    static let first = "https://vnexpress.net/chu-de/vien-nghien-cuu-rau-qua-1234"
    static let second = "https://dantri.com.vn/suc-khoe.htm"

    static func article(links: Bool = true) -> OpenArticle {
        let blocks = [
            Block(.title, "Lan đột biến là hoa gì"),
            Block(.paragraph, "Dân trí đã liên hệ với Viện Nghiên cứu Rau quả[1], một trong những chuyên gia hàng đầu."),
            Block(.paragraph, "Xem thêm tin Sức khỏe[2] mỗi ngày."),
        ]
        let list = links ? [Link(number: 1, url: first, text: "Viện Nghiên cứu Rau quả"),
                            Link(number: 2, url: second, text: "Sức khỏe")] : []
        return OpenArticle(article: Article(blocks: blocks, sections: [Section(label: "Lan đột biến", block: 0)], links: list))
    }

    /// A `$BROWSER` that writes its arguments into `record`, one a line.
    static func browser(in folder: String) throws -> (script: String, record: String) {
        let script = folder + "/browser.sh", record = folder + "/opened"
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \(record).tmp && mv \(record).tmp \(record)\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return (script, record)
    }

    /// The file's text once it exists (the browser runs detached: the run does not wait for it).
    static func waitForFile(_ path: String) -> String? {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return text }
            usleep(10_000)
        }
        return nil
    }

    @Test func oListsTheLinksAndEnterOpensTheChosenOneInTheBrowser() throws {
        let h = AppHarness()
        let (script, record) = try Self.browser(in: h.folder)
        h.settings.browser = script
        #expect(h.run(.read(Self.article()), Script.keys("o") + Script.keys("j") + Script.keys("Enter") + Script.keys("q q")) == 0)
        let list = h.terminal.frames[1].lines.joined(separator: "\n")
        #expect(list.contains("Liên kết (2)"))
        #expect(list.contains("[1]") && list.contains(Self.first))
        #expect(list.contains("[2]") && list.contains(Self.second))
        #expect(h.terminal.frames[1].lines.last!.contains("Enter mở"), "the status line says the list's keys")
        #expect(h.terminal.frames[2].lines.first { $0.contains("▶") }?.contains(Self.second) == true, "j moves down")
        #expect(h.terminal.frames[3].lines.last!.contains("Đang mở bằng"))
        #expect(Self.waitForFile(record) == Self.second + "\n")
    }

    @Test func browserWithPercentSGetsTheAddressThere() {
        let opener = LinkOpener(browser: "firefox --new-tab %s:chromium")
        #expect(opener.command(for: Self.first) == ["firefox", "--new-tab", Self.first])
        #expect(LinkOpener(browser: "w3m").command(for: Self.first) == ["w3m", Self.first])
        #expect(LinkOpener(browser: nil).command(for: Self.first) == ["xdg-open", Self.first])
        #expect(LinkOpener(browser: "").command(for: Self.first) == ["xdg-open", Self.first])
    }

    @Test func onlyWebAddressesAreOpened() throws {
        let h = AppHarness()
        let (script, record) = try Self.browser(in: h.folder)
        let opener = LinkOpener(browser: script)
        #expect(opener.open("file:///etc/passwd").contains("Chỉ mở được"))
        #expect(opener.open("-oProxyCommand=x").contains("Chỉ mở được"))
        #expect(!FileManager.default.fileExists(atPath: record))
    }

    @Test func yCopiesOnlyWhenTheConfigAllowsIt() throws {
        let h = AppHarness()
        h.run(.read(Self.article()), Script.keys("o y"))
        #expect(h.terminal.passedThrough.isEmpty)
        #expect(h.statusLine.contains("copy = \"osc52\""), "says how to enable copying")

        h.settings.copy = .osc52
        h.run(.read(Self.article()), Script.keys("o j y"))
        let osc = "\u{1B}]52;c;" + Data(Self.second.utf8).base64EncodedString() + "\u{07}"
        #expect(h.terminal.passedThrough == [osc])
        #expect(h.statusLine.contains("Đã chép liên kết [2]"))
    }

    @Test func anArticleWithoutLinksSaysSo() {
        let h = AppHarness()
        h.run(.read(Self.article(links: false)), Script.keys("o"))
        #expect(h.statusLine.contains("không có liên kết"))
        #expect(h.pane.contains { $0.contains("Dân trí đã liên hệ") }, "the article stays")
    }

    @Test func theKeyIsInTheHelpAndCanBeRebound() {
        let h = AppHarness(size: Size(width: 100, height: 60))
        h.run(.read(Self.article()), Script.keys("h"))
        #expect(h.screenText.contains("liên kết của bài"))
        h.settings.keyMap = KeyMap().remapped([(.listLinks, [.char("w")])])
        h.run(.read(Self.article()), Script.keys("w"))
        #expect(h.screenText.contains("Liên kết (2)"))
    }
}
