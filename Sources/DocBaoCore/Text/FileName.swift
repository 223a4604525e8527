/// File names as the kernel keeps them, bytes that need not be UTF-8, carried in a `String`.
///
/// A Linux name is bytes; a Swift string holds Unicode, and `CommandLine.arguments` or
/// `FileManager` replace what is not UTF-8 with U+FFFD, after which the file cannot be opened.
/// Here a name's valid UTF-8 is its text, and each byte that is not becomes one scalar of
/// U+10FF80–U+10FFFF (the end of the last private-use plane; only bytes 0x80–0xFF can be bad), so
/// that `bytes(of:)` gives the name back exactly. A name that holds one of those scalars as UTF-8
/// has its four bytes carried one by one too: every byte string has one string, and back.
///
/// Such a string is for opening the file (`withCString`); to show it or keep it as text, use
/// `readable` (or `TerminalSafe`), which shows each carried byte as U+FFFD.
public enum FileName {
    /// The first scalar that carries a byte: U+10FF80 carries 0x80, U+10FFFF carries 0xFF.
    static let carrierBase: UInt32 = 0x10FF00
    static let firstCarrier: UInt32 = 0x10FF80

    /// The string for a name's bytes: its text where they are UTF-8, a carrier for each byte that is not.
    public static func string(fromBytes bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        // Valid UTF-8 with no lead byte F4 (so no U+10FF80 or above) is its own string.
        if !bytes.contains(0xF4), let text = String(validating: bytes, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value >= firstCarrier {
                    for byte in encoded { scalars.append(carrier(byte)) }
                } else {
                    scalars.append(scalar)
                }
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] { scalars.append(carrier(byte)) }
                offset += length
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    /// The name's bytes: the inverse of `string(fromBytes:)`.
    public static func bytes(of name: String) -> [UInt8] {
        guard carriesBytes(name) else { return Array(name.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if scalar.value >= firstCarrier {
                bytes.append(UInt8(scalar.value - carrierBase))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return bytes
    }

    /// Whether `name` carries bytes that are not its text (its UTF-8 is not its bytes).
    public static func carriesBytes(_ name: String) -> Bool {
        // A carrier is F4 8F BE xx or F4 8F BF xx in the string's UTF-8.
        var utf8 = name.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte == 0xF4, utf8.next() == 0x8F, let third = utf8.next(), third == 0xBE || third == 0xBF { return true }
        }
        return false
    }

    /// The name as text, each carried byte shown as U+FFFD (as the importer shows bad bytes).
    public static func readable(_ name: String) -> String {
        guard carriesBytes(name) else { return name }
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            scalars.append(scalar.value >= firstCarrier ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// Calls `body` with the name's bytes as a C string, for open(2), stat(2) and the like.
    public static func withCString<R>(_ name: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        guard carriesBytes(name) else { return try name.withCString(body) }
        let bytes = self.bytes(of: name).map { CChar(bitPattern: $0) } + [0]
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    private static func carrier(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(carrierBase + UInt32(byte))!
    }
}
