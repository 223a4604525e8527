import CLibXML2
import Foundation
import Testing

@testable import DocBaoWeb

/// The parser options never load anything a document names.
@Suite struct LibXMLTests {
    /// The text of a parsed XML document's root element.
    private func rootText(_ xml: String, options: Int32 = LibXML.xmlOptions) -> String? {
        LibXML.prepare()
        let bytes = Array(xml.utf8)
        guard let doc = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "feed.xml", nil, options)
            }
        }) else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc), let content = xmlNodeGetContent(root) else { return nil }
        defer { LibXML.free(content) }
        return String(cString: content)
    }

    @Test func externalEntityIsNotLoaded() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-xxe-\(getpid())")
        try "SECRET-XXE".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file://\(secret.path)">]>
            <r>a&x;b</r>
            """
        let text = rootText(xml)
        #expect(text?.contains("SECRET-XXE") == false)
        // Even a caller that asks for entity substitution gets nothing from outside.
        let substituted = rootText(xml, options: LibXML.xmlOptions | Int32(XML_PARSE_NOENT.rawValue))
        #expect(substituted?.contains("SECRET-XXE") != true)
    }

    @Test func entityBombIsNotExpanded() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY a0 \"lol\">\n"
        for level in 1...10 {
            xml += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n<r>&a10;</r>"
        let text = rootText(xml) ?? ""
        #expect(text.utf8.count < 1_000_000)
    }
}
