import DocBaoCore
import Foundation
import Synchronization
import Testing
@testable import DocBaoApp

/// Issue 18 item 5 in whole runs: O opens the article's address with $BROWSER, y copies it with
/// OSC 52 only when the config allows it.
@Suite struct AddressRunTests {
    static let url = "https://dantri.com.vn/kinh-doanh/bai-mau-20210424.htm"

    static func open() -> OpenArticle {
        var a = PlainTextImporter.importArticle("Tiêu đề bài\n\nĐoạn một.\n\nĐoạn hai.")
        a.metadata.url = url
        a.metadata.date = "20210424"
        return OpenArticle(article: a)
    }

    @Test func copyIsOffUnlessTheConfigSaysOSC52() throws {
        let h = AppHarness(size: Size(width: 100, height: 20))
        h.run(.read(Self.open()), Script.keys("y") + Script.keys("q"))
        #expect(h.terminal.passedThrough.isEmpty)
        #expect(h.terminal.frames[1].lines.last!.contains("osc52"))
        h.settings.copy = .osc52
        h.run(.read(Self.open()), Script.keys("y") + Script.keys("q"))
        let base64 = Data(Self.url.utf8).base64EncodedString()
        #expect(h.terminal.passedThrough == ["\u{1B}]52;c;\(base64)\u{07}"])
        #expect(h.terminal.frames[1].lines.last!.contains("Đã chép"))
        #expect(h.terminal.frames[0].lines[1].contains("24/04/2021 · " + Self.url.prefix(30)), "the line under the title")
    }

    @Test func openRunsTheBrowserWithTheAddressAsOneArgument() throws {
        let h = AppHarness(size: Size(width: 100, height: 20))
        let out = h.folder + "/opened"
        let script = h.folder + "/browser.sh"
        try "#!/bin/sh\nprintf '%s' \"$1\" > '\(out).tmp' && mv '\(out).tmp' '\(out)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        h.settings.browser = script
        h.run(.read(Self.open()), Script.keys("O") + Script.keys("q"))
        #expect(h.terminal.frames[1].lines.last!.contains("Đang mở"))
        // The browser is not waited for: wait here for what it wrote.
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: out), Date() < deadline { usleep(10_000) }
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Self.url)
    }
}
