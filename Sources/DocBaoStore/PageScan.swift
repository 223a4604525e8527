import Foundation

/// A damaged library read page by page, without SQLite: the rows of its tables found on every
/// b-tree page that still parses, whatever became of the file's header, its schema page or the
/// pages above them. What `library check --repair` saves when SQLite cannot read the file, and
/// how it learns how many articles the file held.
///
/// The format is SQLite's (https://sqlite.org/fileformat2.html): pages of one size, each b-tree
/// page a header, an array of cell pointers and cells; a table leaf's cell is the payload's length,
/// the rowid and the record (a header of serial types, then the values), its end on a chain of
/// overflow pages when it does not fit.
final class PageScan {
    /// One `content` row: schema 1's (id, original BLOB, model TEXT, text TEXT), or schema 2's
    /// (id, text, original, model: deflated BLOBs, checksum INTEGER) read back.
    typealias Content = ArticleContent

    /// One `article` row's list facts.
    struct ArticleFacts {
        var title: String, source: String?, date: String?, url: String?, path: String?, added: Double
    }

    /// A row that cannot be used as it was read.
    struct Unusable: Error {}

    private(set) var pageSize = 4096
    /// Where the whole `content` rows are, by id (the first copy found of each): read again when
    /// asked for (`content(_:)`), so that the scan holds no article's text.
    private var contentCells: [Int64: (page: Int, cell: Int)] = [:]
    /// The ids of every `content` row met, whole or not.
    private(set) var contentIDs = Set<Int64>()
    /// The whole `article` rows found, by id.
    private(set) var articles: [Int64: ArticleFacts] = [:]
    /// The ids of every `article` row met, whole or not, and of the full-text index's rows that
    /// count an article's words.
    private(set) var articleIDs = Set<Int64>()
    /// Reading positions: article id → (offset, progress, at).
    private(set) var positions: [Int64: (offset: Int64, progress: Double, at: Double)] = [:]
    /// Marks: (article id, letter) → offset.
    private(set) var marks: [Int64: [String: Int64]] = [:]
    /// Pages that are not zeros, not a b-tree page, not on an overflow chain or the free list met
    /// from one, and pages the header counts that the file no longer has: what they held is not known.
    private(set) var unreadablePages = 0

    private let fd: Int32
    private var pageCount = 0
    private var usable = 4096
    /// Pages known for what they are: b-tree pages, on an overflow chain, free, zeros.
    private var accounted: [Bool] = []

    /// Scans the file at `path` (nothing is written); `stop` is asked every few hundred pages.
    init?(path: String, stop: () -> Bool = { false }) throws {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        let head = read(at: 0, count: 100)
        let headerIntact = head.count == 100 && head[..<16].elementsEqual("SQLite format 3\0".utf8)
        var declaredPages = 0
        if headerIntact, let size = Self.declaredPageSize(head) {
            pageSize = size
            usable = size - Int(head[20])
            declaredPages = Int(Self.be32(head, 28))
        } else {
            pageSize = guessPageSize(fileSize: size)
            usable = pageSize
        }
        pageCount = size / pageSize
        accounted = [Bool](repeating: false, count: pageCount + 1)
        if size % pageSize != 0 { unreadablePages += 1 }
        if declaredPages > pageCount && declaredPages - pageCount < 1 << 24 { unreadablePages += declaredPages - pageCount }
        for n in 1...max(1, pageCount) where n <= pageCount {
            if n % 512 == 0, stop() { throw LibrarySalvage.Stopped() }
            let page = read(at: (n - 1) * pageSize, count: pageSize)
            if scanBTreePage(page, number: n) || page.allSatisfy({ $0 == 0 }) {
                accounted[n] = true
            } else if let leaves = Self.freeTrunk(page, usable: usable, pageCount: pageCount) {
                accounted[n] = true
                for leaf in leaves { accounted[leaf] = true }
            }
        }
        // Page 1 holds the schema (sqlite_master), never an article: unless no page at all is one
        // of SQLite's, and then nothing is known of the file.
        let anyPage = accounted.dropFirst(2).contains(true)
        unreadablePages += accounted.indices.dropFirst(anyPage ? 2 : 1).filter { !accounted[$0] }.count
    }

    deinit { close(fd) }

    /// The `content` row `id` found on the pages, read again; nil when none was whole.
    func content(_ id: Int64) -> Content? {
        guard let place = contentCells[id], let page = page(place.page),
              let (rowid, values, whole) = cell(page, at: place.cell, type: 13), rowid == id, whole
        else { return nil }
        if values.count == 5 {
            guard case .blob(let text) = values[1], case .blob(let original) = values[2], case .blob(let model) = values[3],
                  case .integer(let checksum) = values[4] else { return nil }
            return try? StoredContent(text: text, original: original, model: model, checksum: checksum).decoded()
        }
        guard values.count == 4, case .blob(let original) = values[1], case .text(let model) = values[2], case .text(let text) = values[3],
              let model = String(validating: model, as: UTF8.self), let text = String(validating: text, as: UTF8.self)
        else { return nil }
        return Content(original: original, model: model, text: text)
    }

    // MARK: Pages

    private func read(at offset: Int, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        return Array(bytes[..<done])
    }

    private func page(_ n: Int) -> [UInt8]? {
        guard n >= 1 && n <= pageCount else { return nil }
        return read(at: (n - 1) * pageSize, count: pageSize)
    }

    /// The page size the header gives (a power of two, 512…65536), or nil when it gives none.
    private static func declaredPageSize(_ head: [UInt8]) -> Int? {
        let raw = Int(head[16]) << 8 | Int(head[17])
        let size = raw == 1 ? 65536 : raw
        guard size >= 512 && size <= 65536 && size & (size - 1) == 0, head[20] < 64 else { return nil }
        return size
    }

    /// The page size under which most pages of the first few thousand parse as b-tree pages.
    private func guessPageSize(fileSize: Int) -> Int {
        var best = (size: 4096, score: -1)
        for size in [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512] where size <= max(fileSize, 512) {
            var score = 0
            for n in 2...max(2, min(fileSize / size, 2000)) where n <= fileSize / size {
                if Self.cellPointers(read(at: (n - 1) * size, count: size), header: 0, usable: size) != nil { score += 1 }
            }
            if score > best.score { best = (size, score) }
        }
        return best.size
    }

    /// The cell offsets of a b-tree page whose header and cell pointer array make sense, or nil.
    private static func cellPointers(_ page: [UInt8], header h: Int, usable: Int) -> (type: UInt8, cells: [Int])? {
        guard page.count >= usable, usable >= h + 12 else { return nil }
        let type = page[h]
        guard [2, 5, 10, 13].contains(type) else { return nil }
        let headerSize = type == 2 || type == 5 ? 12 : 8
        let count = Int(be16(page, h + 3))
        let start = Int(be16(page, h + 5))
        let freeblock = Int(be16(page, h + 1))
        let arrayEnd = h + headerSize + 2 * count
        guard arrayEnd <= usable, page[h + 7] <= 60, freeblock == 0 || (freeblock >= arrayEnd && freeblock < usable),
              (start == 0 ? 65536 : start) >= arrayEnd, count > 0 || start == 0 || start == usable || start >= arrayEnd
        else { return nil }
        var cells: [Int] = []
        cells.reserveCapacity(count)
        for i in 0..<count {
            let cell = Int(be16(page, h + headerSize + 2 * i))
            guard cell >= arrayEnd && cell < usable else { return nil }
            cells.append(cell)
        }
        return (type, cells)
    }

    /// A free-list trunk page: the next trunk, a count and that many leaf page numbers, then zeros.
    private static func freeTrunk(_ page: [UInt8], usable: Int, pageCount: Int) -> [Int]? {
        guard page.count >= usable, usable >= 8 else { return nil }
        let next = Int(be32(page, 0)), count = Int(be32(page, 4))
        guard next <= pageCount, count <= usable / 4 - 2 else { return nil }
        let leaves = (0..<count).map { Int(be32(page, 8 + 4 * $0)) }
        guard leaves.allSatisfy({ $0 >= 2 && $0 <= pageCount }), page[(8 + 4 * count)...].allSatisfy({ $0 == 0 }) else { return nil }
        return leaves
    }

    /// Reads the rows on a b-tree page, following (and accounting for) its overflow chains. False
    /// when the page is not one.
    private func scanBTreePage(_ page: [UInt8], number: Int) -> Bool {
        guard let (type, cells) = Self.cellPointers(page, header: number == 1 ? 100 : 0, usable: usable) else { return false }
        guard type != 5 else { return true }  // a table's interior page: child pointers and keys only
        for offset in cells {
            guard let (rowid, values, whole) = cell(page, at: offset, type: type) else { continue }
            if type == 13 {
                keepTableRow(rowid, values, whole: whole, at: (number, offset))
            } else {
                keepIndexRow(values)
            }
        }
        return true
    }

    /// The cell at `offset` of a page of `type`: its rowid (0 on an index page), its record's values
    /// and whether the whole payload was there (else the values are only the types).
    private func cell(_ page: [UInt8], at offset: Int, type: UInt8) -> (Int64, [Value], Bool)? {
        let table = type == 13
        var at = offset + (type == 2 ? 4 : 0)
        guard let size = Self.varint(page, &at), size >= 0, size < 1 << 30 else { return nil }
        var rowid: Int64 = 0
        if table {
            guard let id = Self.varint(page, &at) else { return nil }
            rowid = id
        }
        let payload = Int(size)
        let local = localSize(payload, table: table)
        guard at + local <= usable else { return nil }
        var bytes = Array(page[at..<(at + local)])
        if local < payload {
            guard at + local + 4 <= usable else { return nil }
            bytes += overflow(Int(Self.be32(page, at + local)), needed: payload - local)
        }
        let whole = bytes.count == payload
        guard let values = Self.record(bytes, whole: whole) else { return nil }
        return (rowid, values, whole)
    }

    /// How much of a payload of `size` bytes is on the b-tree page itself.
    private func localSize(_ size: Int, table: Bool) -> Int {
        let maxLocal = table ? usable - 35 : (usable - 12) * 64 / 255 - 23
        guard size > maxLocal else { return size }
        let minLocal = (usable - 12) * 32 / 255 - 23
        let k = minLocal + (size - minLocal) % (usable - 4)
        return k <= maxLocal ? k : minLocal
    }

    /// The bytes on the overflow chain from page `first`, up to `needed` (fewer when the chain is
    /// broken); each page on it is accounted for.
    private func overflow(_ first: Int, needed: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(needed)
        var next = first, seen = Set<Int>()
        while bytes.count < needed, next >= 2, next <= pageCount, seen.insert(next).inserted, let page = page(next), page.count >= usable {
            accounted[next] = true
            bytes += page[4..<min(usable, 4 + needed - bytes.count)]
            next = Int(Self.be32(page, 0))
        }
        return bytes
    }

    // MARK: Records

    enum Value {
        case null, integer(Int64), real(Double), text([UInt8]), blob([UInt8])
    }

    /// The values of a record; with `whole` false, only the serial types are known (values nil).
    private static func record(_ bytes: [UInt8], whole: Bool) -> [Value]? {
        var at = 0
        guard let headerSize = varint(bytes, &at), headerSize >= 1, Int(headerSize) <= bytes.count else { return nil }
        var types: [Int64] = []
        while at < Int(headerSize) {
            guard let t = varint(bytes, &at), t >= 0, t != 10, t != 11 else { return nil }
            types.append(t)
        }
        guard at == Int(headerSize) else { return nil }
        var values: [Value] = []
        for t in types {
            let length: Int
            switch t {
            case 0, 8, 9: length = 0
            case 1, 2, 3, 4: length = Int(t)
            case 5: length = 6
            case 6, 7: length = 8
            default: length = Int((t - 12) / 2)
            }
            guard at + length <= bytes.count else {
                // Only part of the payload (a broken overflow chain): the types tell the table.
                guard !whole else { return nil }
                values.append(t >= 12 ? (t % 2 == 0 ? .blob([]) : .text([])) : .null)
                at = bytes.count
                continue
            }
            let field = bytes[at..<(at + length)]
            at += length
            switch t {
            case 0: values.append(.null)
            case 8: values.append(.integer(0))
            case 9: values.append(.integer(1))
            case 7: values.append(.real(Double(bitPattern: field.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })))
            case 1...6:
                var v = Int64(Int8(bitPattern: field.first!))
                for b in field.dropFirst() { v = v << 8 | Int64(b) }
                values.append(.integer(v))
            default: values.append(t % 2 == 0 ? .blob(Array(field)) : .text(Array(field)))
            }
        }
        return whole && at != bytes.count ? nil : values
    }

    /// Keeps a table row that has the shape of a `content`, `article` or `reading` row.
    private func keepTableRow(_ id: Int64, _ v: [Value], whole: Bool, at place: (page: Int, cell: Int)) {
        switch v.count {
        case 4:
            // content (id, original BLOB, model TEXT, text TEXT) or reading (article, offset, progress, at).
            if case .null = v[0], case .blob = v[1], case .text = v[2], case .text = v[3] {
                contentIDs.insert(id)
                if whole && contentCells[id] == nil { contentCells[id] = place }
            } else if whole, case .null = v[0], case .integer(let offset) = v[1], let progress = Self.number(v[2]), let at = Self.number(v[3]) {
                positions[id] = (offset, progress, at)
            }
        case 5:
            // content since schema 2 (id, text, original, model: deflated BLOBs, checksum INTEGER).
            if case .null = v[0], case .blob = v[1], case .blob = v[2], case .blob = v[3], case .integer = v[4] {
                contentIDs.insert(id)
                if whole && contentCells[id] == nil { contentCells[id] = place }
            }
        case 2:
            // The full-text index's size of each article (fulltext_docsize: id, one varint): where
            // both the list and the text of an article are lost, it still tells that there was one.
            if case .null = v[0], case .blob(let sizes) = v[1], whole, !sizes.isEmpty, sizes.count <= 9 {
                var at = 0
                if Self.varint(sizes, &at) != nil, at == sizes.count { articleIDs.insert(id) }
            }
        case 10:
            // article (id, hash, title, source, date, url, words, length, path, added)
            guard case .null = v[0], case .integer = v[1], case .text(let title) = v[2], case .integer = v[6], case .integer = v[7],
                  let added = Self.number(v[9]) else { return }
            articleIDs.insert(id)
            guard whole else { return }
            articles[id] = ArticleFacts(title: String(decoding: title, as: UTF8.self), source: Self.text(v[3]), date: Self.text(v[4]),
                                        url: Self.text(v[5]), path: Self.text(v[8]), added: added)
        default: break
        }
    }

    /// Keeps an index row that has the shape of a `mark` row (article, letter TEXT, offset).
    private func keepIndexRow(_ v: [Value]) {
        guard v.count == 3, case .integer(let article) = v[0], case .text(let letter) = v[1], case .integer(let offset) = v[2],
              let letter = String(validating: letter, as: UTF8.self), letter.count == 1 else { return }
        marks[article, default: [:]][letter] = offset
    }

    private static func number(_ v: Value) -> Double? {
        switch v {
        case .integer(let i): return Double(i)
        case .real(let r): return r
        default: return nil
        }
    }

    private static func text(_ v: Value) -> String? {
        if case .text(let bytes) = v { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    // MARK: Bytes

    /// SQLite's varint: 1 to 9 bytes, big-endian, 7 bits a byte but all 8 of the ninth.
    private static func varint(_ bytes: [UInt8], _ at: inout Int) -> Int64? {
        var v: UInt64 = 0
        for i in 0..<9 {
            guard at < bytes.count else { return nil }
            let b = bytes[at]
            at += 1
            if i == 8 { return Int64(bitPattern: v << 8 | UInt64(b)) }
            v = v << 7 | UInt64(b & 0x7F)
            if b & 0x80 == 0 { return Int64(bitPattern: v) }
        }
        return nil
    }

    private static func be16(_ b: [UInt8], _ at: Int) -> UInt16 { UInt16(b[at]) << 8 | UInt16(b[at + 1]) }
    private static func be32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }
}
