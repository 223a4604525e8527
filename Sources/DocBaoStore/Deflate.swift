internal import CZlib

/// zlib streams (RFC 1950: deflate, then an Adler-32 of what was deflated), for the library's
/// stored texts. A preset dictionary (the article's text) lets a stream point back into words the
/// reader already has: the original bytes and the model cost little beside the text they repeat.
enum Deflate {
    /// A stream that does not inflate: damaged, cut short, or made with another dictionary.
    struct Damaged: Error, CustomStringConvertible {
        var description: String
    }

    /// zlib's window: a dictionary's last 32 KiB are all it can use.
    static let window = 1 << 15

    /// The dictionary as zlib will use it: its end, within the window.
    static func dictionary(_ bytes: [UInt8]) -> ArraySlice<UInt8> { bytes.suffix(window) }

    /// `bytes` deflated (level 6, zlib's default), pointing back into `dictionary` where it can.
    static func compress(_ bytes: [UInt8], dictionary: ArraySlice<UInt8> = []) throws(Damaged) -> [UInt8] {
        var stream = z_stream()
        guard docbao_deflate_init(&stream, 6) == Z_OK else { throw Damaged(description: "zlib cannot start (out of memory)") }
        defer { deflateEnd(&stream) }
        if !dictionary.isEmpty {
            let set = dictionary.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
            guard set == Z_OK else { throw Damaged(description: "zlib refused the dictionary") }
        }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let result = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else { throw Damaged(description: "zlib could not deflate (\(result))") }
        output.removeLast(Int(stream.avail_out))
        return output
    }

    /// The bytes `stream` holds, checked against its Adler-32; `dictionary` must be the one it was
    /// made with. `sizeHint` (the size expected, when known) saves growing the output.
    static func inflate(_ stream: [UInt8], dictionary: ArraySlice<UInt8> = [], sizeHint: Int = 0) throws(Damaged) -> [UInt8] {
        var z = z_stream()
        guard docbao_inflate_init(&z) == Z_OK else { throw Damaged(description: "zlib cannot start (out of memory)") }
        defer { inflateEnd(&z) }
        var output = [UInt8](repeating: 0, count: max(sizeHint, stream.count * 4, 64))
        var produced = 0
        let problem: String? = stream.withUnsafeBufferPointer { input in
            z.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            z.avail_in = uInt(input.count)
            while true {
                if produced == output.count { output += repeatElement(0, count: output.count) }
                let result = output.withUnsafeMutableBufferPointer { out in
                    z.next_out = out.baseAddress! + produced
                    z.avail_out = uInt(out.count - produced)
                    let result = CZlib.inflate(&z, Z_NO_FLUSH)
                    produced = out.count - Int(z.avail_out)
                    return result
                }
                switch result {
                case Z_STREAM_END:
                    return z.avail_in == 0 ? nil : "bytes after its end"
                case Z_NEED_DICT:
                    if dictionary.isEmpty { return "it needs a dictionary" }
                    let set = dictionary.withUnsafeBufferPointer { inflateSetDictionary(&z, $0.baseAddress, uInt($0.count)) }
                    if set != Z_OK { return "it was made with another dictionary" }
                case Z_OK, Z_BUF_ERROR:
                    // Progress stops only when the output is full (grown above) or the input is out.
                    if z.avail_in == 0 && produced < output.count { return "cut short" }
                default:
                    return z.msg.map { String(cString: $0) } ?? "zlib error \(result)"
                }
            }
        }
        if let problem { throw Damaged(description: problem) }
        output.removeLast(output.count - produced)
        return output
    }
}
