internal import CLibXML2

/// The one door to libxml2 for web pages and feeds: its parser options, chosen so that parsing never
/// loads anything (no network, no external entity or DTD, no entity expansion), and the process-wide
/// set-up that makes sure of it even for a document that asks.
///
/// Every parse in DocBaoWeb goes through `LibXML.htmlOptions` / `LibXML.xmlOptions` after
/// `LibXML.prepare()`. Web pages and feeds are untrusted input.
public enum LibXML {
    /// HTML: recover from broken markup, say nothing on stderr, never touch the network, no blank
    /// text nodes kept for indentation only, no implied `<html><body>` for a fragment's sake.
    public static let htmlOptions: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// XML (feeds, XHTML): recover, silent, no network; entities are *not* substituted (no
    /// `XML_PARSE_NOENT`), no DTD is loaded (no `XML_PARSE_DTDLOAD`/`DTDATTR`/`DTDVALID`), and
    /// libxml2's entity-amplification guard stays on (no `XML_PARSE_HUGE`).
    public static let xmlOptions: Int32 = Int32(
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// XML that must be well formed (OPML subscription lists): `xmlOptions` without recovering, so
    /// that a broken or cut-off file is refused whole rather than read in part.
    public static let strictXMLOptions: Int32 = xmlOptions & ~Int32(XML_PARSE_RECOVER.rawValue)

    private static let once: Void = {
        xmlInitParser()
        // A document naming an external entity or DTD gets nothing, whatever options a caller
        // passes: the loader every libxml2 parse uses answers no.
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// Makes libxml2 ready and safe; cheap after the first call. Call before any parse, on the
    /// thread that parses: libxml2's error handlers are per thread, and the default one writes to
    /// stderr, over the reader's screen.
    public static func prepare() {
        once
        docbao_xml_silence_errors()
    }

    /// Frees what libxml2 allocated (`xmlNodeGetContent`, `xmlGetProp`…).
    public static func free(_ pointer: UnsafeMutableRawPointer?) { docbao_xml_free(pointer) }
}
