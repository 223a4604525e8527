import Foundation

/// Dates as feeds write them: RFC 822 (with or without the weekday, seconds or zone; named zones,
/// two-digit years), ISO 8601 / W3CDTF (any precision, `T` or a space, fractions, `Z` or an
/// offset, basic or extended form) and asctime. A date that cannot be read is absent, never a guess
/// far off and never a crash: every field is range-checked before the calendar sees it.
public enum FeedDate {
    public static func parse(_ raw: String) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.utf8.count < 100 else { return nil }
        if let first = text.utf8.first, first >= 0x30 && first <= 0x39, let date = iso8601(Array(text.utf8)) {
            return date
        }
        return rfc822(text)
    }

    // MARK: ISO 8601

    private static func iso8601(_ b: [UInt8]) -> Date? {
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<i + n {
                guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            i += n
            return v
        }
        func skip(_ c: UInt8) -> Bool { if i < b.count && b[i] == c { i += 1; return true }; return false }
        guard let year = digits(4) else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0.0, offset = 0
        let extended = skip(0x2D)  // '-'
        if i < b.count, let m = digits(2) {
            month = m
            if extended ? skip(0x2D) : true, i < b.count, b[i] != 0x54, b[i] != 0x20, let d = digits(2) { day = d }
        }
        if i < b.count && (b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20) {
            i += 1
            guard let h = digits(2) else { return nil }
            hour = h
            _ = skip(0x3A)
            if let m = digits(2) {
                minute = m
                _ = skip(0x3A)
                let start = i
                if let s = digits(2) {
                    second = Double(s)
                    if i < b.count && (b[i] == 0x2E || b[i] == 0x2C) {
                        i += 1
                        var fraction = 0.0, scale = 0.1
                        while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 {
                            fraction += Double(b[i] - 0x30) * scale; scale /= 10; i += 1
                        }
                        second += fraction
                    }
                } else { i = start }
            }
            while i < b.count && b[i] == 0x20 { i += 1 }
            if i < b.count {
                if b[i] == 0x5A || b[i] == 0x7A { i += 1 }
                else if b[i] == 0x2B || b[i] == 0x2D {
                    let sign = b[i] == 0x2D ? -1 : 1
                    i += 1
                    guard let oh = digits(2) else { return nil }
                    _ = skip(0x3A)
                    let om = digits(2) ?? 0
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
        }
        guard i == b.count else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    // MARK: RFC 822 and asctime

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "a": -1, "m": -12, "n": 1, "y": 12, "ast": -4, "adt": -3, "akst": -9, "akdt": -8,
        "hst": -10, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "wet": 0, "west": 1, "ict": 7, "jst": 9,
        "kst": 9, "ist": 5, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
    ]

    private static func rfc822(_ text: String) -> Date? {
        var tokens = text.lowercased().split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }.map(String.init)
        // A weekday (any spelling) goes; so does a dash between date parts (01-Jan-2004).
        if let first = tokens.first, first.first?.isLetter == true, month(first) == nil { tokens.removeFirst() }
        if tokens.count == 1 { tokens = tokens[0].split(separator: "-").map(String.init) }
        else if let first = tokens.first, first.contains("-"), first.first?.isNumber == true {
            tokens = first.split(separator: "-").map(String.init) + tokens.dropFirst()
        }
        var day: Int?, monthNumber: Int?, year: Int?, time: (Int, Int, Double)?, offset = 0
        var asctime = false
        for (index, token) in tokens.enumerated() {
            if let m = month(token), monthNumber == nil { monthNumber = m; asctime = index == 0; continue }
            if token.contains(":"), time == nil { time = clock(token); if time == nil { return nil }; continue }
            if let n = Int(token) {
                if token.hasPrefix("+") || (token.hasPrefix("-") && token.count == 5) {
                    offset = (n / 100) * 3600 + (n % 100) * 60; continue
                }
                if day == nil && !(asctime && token.count == 4) && token.count <= 2 { day = n; continue }
                if year == nil { year = token.count <= 2 ? (n < 50 ? 2000 + n : 1900 + n) : n; continue }
                return nil
            }
            if let hours = zones[token] { offset = hours * 3600; continue }
            if token.hasPrefix("gmt") || token.hasPrefix("utc"), let n = Int(token.dropFirst(3)) {
                offset = (abs(n) < 24 ? n * 100 : n) / 100 * 3600 + (n % 100) * 60; continue
            }
            if token.contains("/") || token == "am" || token == "pm" { continue }
            return nil
        }
        guard let day, let monthNumber, let year else { return nil }
        let (hour, minute, second) = time ?? (0, 0, 0)
        return make(year: year, month: monthNumber, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    private static func month(_ token: String) -> Int? {
        guard token.count >= 3, token.first?.isLetter == true else { return nil }
        return months.firstIndex(of: String(token.prefix(3))).map { $0 + 1 }
    }

    private static func clock(_ token: String) -> (Int, Int, Double)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        let s = parts.count == 3 ? Double(parts[2]) : 0
        guard let s else { return nil }
        return (h, m, s)
    }

    // MARK: Building the date

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offset: Int) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
              (0...59).contains(minute), second >= 0, second < 61, abs(offset) <= 18 * 3600 else { return nil }
        var parts = DateComponents()
        parts.year = year; parts.month = month; parts.day = day
        parts.hour = hour; parts.minute = minute; parts.second = Int(second)
        guard parts.isValidDate(in: utc), let date = utc.date(from: parts) else {
            // 24:00 is the next day's midnight; 31 April is nothing.
            if hour == 24, minute == 0, second == 0 {
                return make(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, offset: offset)
                    .map { $0.addingTimeInterval(86_400) }
            }
            return nil
        }
        return date.addingTimeInterval(second - Double(Int(second)) - Double(offset))
    }

    /// `date` in ISO 8601, UTC, to the second (as `feed show --json` prints it).
    public static func iso8601String(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let year = String(c.year ?? 0)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }
}
