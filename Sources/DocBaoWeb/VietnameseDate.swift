/// Dates as Vietnamese news sites print them, read into ISO 8601 (what `article:published_time`
/// and JSON-LD give), so that every article's date reads and sorts the same in the library:
///
///     Thứ ba, 13/4/2021, 23:41 (GMT+7)      vnexpress.net
///     Thứ sáu, 30/04/2021 - 14:27           dantri.com.vn, vietnamnet.vn
///     16/04/2021 20:50 GMT+7                tuoitre.vn, thanhnien.vn
///     09/12/2016 | 15:42                    baochinhphu.vn
///     2021-04-30 14:27                      dantri's `<time datetime>`
///
/// Day before month, as Vietnamese writes it. A time without a zone is Vietnam's (UTC+7): these
/// sites print their own local time. A date alone stays a date ("2021-04-13").
public enum VietnameseDate {
    /// The ISO 8601 form of `text` ("2021-04-13T23:41:00+07:00"), or nil when it holds no date
    /// these rules read. ISO dates with a time and zone are returned as they are.
    public static func iso(_ text: String) -> String? {
        let s = Array(text.unicodeScalars)
        var numbers: [(value: Int, digits: Int, start: Int, end: Int)] = []
        var i = 0
        while i < s.count {
            guard let d = digit(s[i]) else { i += 1; continue }
            var value = d, j = i + 1
            while j < s.count, let e = digit(s[j]), j - i < 4 { value = value * 10 + e; j += 1 }
            numbers.append((value, j - i, i, j))
            i = j
        }
        func separated(_ a: Int, _ b: Int, by chars: String) -> Bool {
            numbers[b].start == numbers[a].end + 1 && chars.unicodeScalars.contains(s[numbers[a].end])
        }
        // The date: d/m/yyyy (or d-m-yyyy), or yyyy-mm-dd.
        var day = 0, month = 0, year = 0, next = 0
        var found = false
        for k in numbers.indices.dropLast(2) {
            if numbers[k].digits <= 2, numbers[k + 2].digits == 4, separated(k, k + 1, by: "/-."), separated(k + 1, k + 2, by: "/-.") {
                (day, month, year) = (numbers[k].value, numbers[k + 1].value, numbers[k + 2].value)
            } else if numbers[k].digits == 4, numbers[k + 1].digits <= 2, separated(k, k + 1, by: "-"), separated(k + 1, k + 2, by: "-") {
                (year, month, day) = (numbers[k].value, numbers[k + 1].value, numbers[k + 2].value)
                // Already ISO with a time and zone ("2021-04-13T23:41:00+07:00"): nothing to read.
                let end = numbers[k + 2].end
                if end < s.count, s[end] == "T", text.contains("+") || text.hasSuffix("Z") { return text }
            } else {
                continue
            }
            next = k + 3
            found = true
            break
        }
        guard found, (1...12).contains(month), (1...31).contains(day), (1900...2999).contains(year) else { return nil }
        let date = "\(pad(year, 4))-\(pad(month))-\(pad(day))"
        // The time: h:mm or h:mm:ss after the date (or just before it), with AM/PM when said.
        var time: (h: Int, m: Int, s: Int)?
        var candidates = Array(numbers.indices.dropFirst(next))
        if next >= 5 { candidates += [next - 5] }
        for c in candidates where c + 1 < numbers.count && separated(c, c + 1, by: ":") {
            let h = numbers[c].value, m = numbers[c + 1].value
            var sec = 0
            if c + 2 < numbers.count, separated(c + 1, c + 2, by: ":") { sec = numbers[c + 2].value }
            guard h < 24 || h == 24 && m == 0, m < 60, sec < 60 else { return date }
            time = (h, m, sec)
            break
        }
        guard let time else { return date }
        let upper = text.uppercased()
        var h = time.h
        if upper.contains(" PM"), h < 12 { h += 12 }
        if upper.contains(" AM"), h == 12 { h = 0 }
        return "\(date)T\(pad(h)):\(pad(time.m)):\(pad(time.s))\(zone(upper))"
    }

    /// "+07:00" from "GMT+7", "UTC+07:00", "GMT+0700"; "+07:00" when the text names no zone.
    static func zone(_ upper: String) -> String {
        for name in ["GMT", "UTC"] {
            guard let r = upper.range(of: name) else { continue }
            let after = upper[r.upperBound...].prefix { "+-0123456789:".contains($0) }
            guard let sign = after.first, sign == "+" || sign == "-" else { return "+00:00" }
            let digits = after.dropFirst().filter(\.isNumber)
            let hours: Int, minutes: Int
            if digits.count <= 2 {
                hours = Int(digits) ?? 0
                minutes = 0
            } else {
                hours = Int(digits.prefix(digits.count - 2)) ?? 0
                minutes = Int(digits.suffix(2)) ?? 0
            }
            return "\(sign)\(pad(hours)):\(pad(minutes))"
        }
        return "+07:00"
    }

    private static func digit(_ c: Unicode.Scalar) -> Int? {
        c.value >= 0x30 && c.value <= 0x39 ? Int(c.value - 0x30) : nil
    }

    private static func pad(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
