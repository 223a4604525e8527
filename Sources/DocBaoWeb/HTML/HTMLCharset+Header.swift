/// The charset an HTTP Content-Type names, weighed as browsers weigh it: after a byte order mark,
/// before the page's `<meta>`. Servers often send a default that is not the page's (UTF-8 over a
/// Latin-1 page, Latin-1 over a UTF-8 page): bytes that cannot be the header's UTF-8 are read by
/// the page's own word and the guess, and a Latin-1 label over valid UTF-8 is read as UTF-8 (`convert`).
extension HTMLCharset {
    /// The bytes as UTF-8, the header's `label` (nil: none sent) taken into account.
    public static func utf8(_ bytes: [UInt8], headerLabel label: String?) -> (charset: HTMLCharset, bytes: [UInt8]) {
        guard let label, let header = HTMLCharset(label: label),
              !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF])
        else { return utf8(bytes) }
        if header == .utf8, String(validating: bytes, as: UTF8.self) == nil { return utf8(bytes) }
        return (header, convert(bytes, from: header))
    }

    /// The page as UTF-8 behind a byte order mark, which `HTMLPage` and every importer take as
    /// the last word on the charset: how a charset decided outside the page is handed on with it.
    public static func markedUTF8(_ bytes: [UInt8], headerLabel label: String?) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + utf8(bytes, headerLabel: label).bytes
    }
}
