/// Reads the dates articles give in free text, for sorting and for a short, aligned column.
///
/// Understood: "2021-03-05" (and "2021/3/5", with a time after it), "05/03/2021", "5-3-2021",
/// "Thứ hai, 05/03/2021 10:30 (GMT+7)", "ngày 5 tháng 3 năm 2021", "tháng 3/2021", "2021".
public struct LibraryDate: Equatable, Comparable, Sendable {
    public var year: Int
    /// 0 when the text gives no month (and then no day).
    public var month: Int
    /// 0 when the text gives no day.
    public var day: Int
    /// Minutes after midnight, when the text gives a time.
    public var minutes: Int?

    public init(year: Int, month: Int = 0, day: Int = 0, minutes: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.minutes = minutes
    }

    /// A number that grows with the date: yyyymmddhhmm.
    public var sortValue: Int64 {
        Int64(year) * 100_000_000 + Int64(month) * 1_000_000 + Int64(day) * 10_000 + Int64(minutes.map { $0 / 60 * 100 + $0 % 60 } ?? 0)
    }

    public static func < (a: LibraryDate, b: LibraryDate) -> Bool { a.sortValue < b.sortValue }

    /// "05/03/2021", "03/2021" or "2021": the Vietnamese way, day first.
    public var label: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if month == 0 { return "\(year)" }
        if day == 0 { return "\(two(month))/\(year)" }
        return "\(two(day))/\(two(month))/\(year)"
    }

    /// The date in `text`, or nil when it has no year between 1800 and 2200.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String) -> LibraryDate? {
        // The numbers in the text, each with the character that came before it.
        var numbers: [(value: Int, digits: Int, before: Character?)] = []
        var current: (value: Int, digits: Int, before: Character?)?
        var previous: Character?
        for c in text {
            if let d = c.wholeNumberValue, c.isASCII {
                if current == nil { current = (0, 0, previous) }
                if current!.digits < 9 { current!.value = current!.value * 10 + d }
                current!.digits += 1
            } else {
                if let n = current { numbers.append(n); current = nil }
                previous = c
            }
        }
        if let n = current { numbers.append(n) }
        // "20210424", as the dantri headers write it: eight digits, year first.
        if let n = numbers.first(where: { $0.digits == 8 }) {
            let year = n.value / 10_000, month = n.value / 100 % 100, day = n.value % 100
            if (1800...2200).contains(year), isMonth(month), isDay(day) { return LibraryDate(year: year, month: month, day: day) }
        }
        guard let y = numbers.firstIndex(where: { $0.digits == 4 && (1800...2200).contains($0.value) }) else { return nil }
        var date = LibraryDate(year: numbers[y].value)
        var after = y + 1
        if y >= 2, isMonth(numbers[y - 1].value), isDay(numbers[y - 2].value) {
            date.month = numbers[y - 1].value
            date.day = numbers[y - 2].value
        } else if y >= 1, isMonth(numbers[y - 1].value) {
            date.month = numbers[y - 1].value
        } else if y + 2 < numbers.count, isMonth(numbers[y + 1].value), isDay(numbers[y + 2].value),
                  numbers[y + 1].digits <= 2, numbers[y + 2].digits <= 2 {
            date.month = numbers[y + 1].value
            date.day = numbers[y + 2].value
            after = y + 3
        }
        // A time: two numbers after the date joined by ":" ("10:30", "10h30" is taken too).
        var k = after
        while k + 1 < numbers.count {
            let h = numbers[k], m = numbers[k + 1]
            if (m.before == ":" || m.before == "h") && h.value < 24 && m.value < 60 && m.digits == 2 {
                date.minutes = h.value * 60 + m.value
                break
            }
            k += 1
        }
        return date
    }

    private static func isMonth(_ n: Int) -> Bool { (1...12).contains(n) }
    private static func isDay(_ n: Int) -> Bool { (1...31).contains(n) }
}
