import Foundation
import Testing
@testable import DocBaoCore

/// A library of 35,000 articles: sorting and filtering give the right rows (checked against a
/// brute-force pass), and the cursor keeps its article. Not timed: correctness only.
@Suite struct LibraryScaleTests {
    static let count = 35_000

    /// Titles made from the corpus's real titles with a random word or number in front, a tenth of
    /// them NFD; dates in the forms articles use, some missing; a third read.
    static func entries() throws -> [LibraryEntry] {
        let titles = try TestData.corpusArticles().map { url in
            String(try TestData.text(url).split(separator: "\n", maxSplits: 1).first ?? "")
        }.filter { !$0.isEmpty }
        let prefixes = ["", "", "Đà Nẵng:", "Dân trí -", "ăn", "“Ơ”", "Video:", "Ảnh:", "Hà Nội", "10", "2"]
        var rng = SeededRandom(seed: 35)
        return (0..<count).map { i in
            var title = prefixes.randomElement(using: &rng)! + " " + titles.randomElement(using: &rng)!
            if i % 10 == 3 { title = title.decomposedStringWithCanonicalMapping }
            let day = Int.random(in: 1...28, using: &rng), month = Int.random(in: 1...12, using: &rng)
            let year = Int.random(in: 2005...2024, using: &rng)
            let date: String?
            switch i % 4 {
            case 0: date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            case 1: date = "Thứ hai, \(day)/\(month)/\(year) 10:30 (GMT+7)"
            case 2: date = nil
            default: date = "ngày \(day) tháng \(month) năm \(year)"
            }
            let read = i % 3 == 0
            return LibraryEntry(id: Int64(i * 11 % count) + 1, title: title, source: i % 2 == 0 ? "Dân trí" : nil, date: date,
                                words: Int.random(in: 100...5000, using: &rng),
                                progress: read ? Double.random(in: 0...1, using: &rng) : nil,
                                lastRead: read ? Double(Int.random(in: 0...1_000_000, using: &rng)) : nil,
                                added: Double(Int.random(in: 0...1_000_000, using: &rng)))
        }
    }

    @Test func thirtyFiveThousandEntriesSortAndFilterCorrectly() throws {
        let entries = try Self.entries()
        #expect(Set(entries.map(\.id)).count == Self.count, "ids are unique")
        var s = LibraryViewState(entries: entries, size: Size(width: 100, height: 40))
        #expect(s.rows.count == Self.count)

        // Recent: last read first, then most recently added.
        #expect(zip(s.rows, s.rows.dropFirst()).allSatisfy { a, b in
            let x = entries[a], y = entries[b]
            let rx = x.lastRead ?? -1, ry = y.lastRead ?? -1
            return rx > ry || (rx == ry && (x.added > y.added || (x.added == y.added && x.id < y.id)))
        })
        LibraryFixtures.press(Fixtures.keys("j j j"), &s)
        let chosen = try #require(s.selectedEntry?.id)

        // Date: newest first, undated last.
        LibraryFixtures.press(Fixtures.keys("s"), &s)
        #expect(s.selectedEntry?.id == chosen)
        let dates = s.rows.map { entries[$0].date.flatMap(LibraryDate.parse)?.sortValue ?? Int64.min }
        #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(entries[s.rows.last!].date == nil)
        #expect(dates.filter { $0 == Int64.min }.count == Self.count / 4, "every written date was read")

        // Title: Vietnamese order, ties by id.
        LibraryFixtures.press(Fixtures.keys("s"), &s)
        #expect(s.selectedEntry?.id == chosen)
        let keys = s.rows.map { VietnameseCollation.key(entries[$0].title) }
        let outOfOrder = (1..<keys.count).filter { k in
            !(keys[k - 1] < keys[k] || (keys[k - 1] == keys[k] && entries[s.rows[k - 1]].id < entries[s.rows[k]].id))
        }
        #expect(outOfOrder.isEmpty)
        // "Ảnh:" titles (A) come before "ăn" titles (Ă), and "Dân trí" (D) before "Đà Nẵng" (Đ).
        let firstBreve = s.rows.firstIndex { entries[$0].title.hasPrefix("ăn") }!
        #expect(s.rows.lastIndex { entries[$0].title.hasPrefix("Ảnh:") }! < firstBreve)
        #expect(s.rows.lastIndex { entries[$0].title.hasPrefix("Dân trí") }! <
                s.rows.firstIndex { entries[$0].title.precomposedStringWithCanonicalMapping.hasPrefix("Đà Nẵng") }!)

        // Filter as you type, against a brute-force pass over the sorted rows.
        let sorted = s.rows
        LibraryFixtures.press(Fixtures.keys("&") + LibraryFixtures.type("da nang"), &s)
        let matcher = Matcher("da nang")
        let expected = sorted.filter { !matcher.matches(in: entries[$0].title).isEmpty }
        #expect(!expected.isEmpty && expected.count < Self.count)
        #expect(s.rows == expected)
        LibraryFixtures.press([.backspace, .backspace, .backspace, .backspace], &s)  // "da "
        let wider = sorted.filter { !Matcher("da ").matches(in: entries[$0].title).isEmpty }
        #expect(s.rows == wider)
        LibraryFixtures.press([.escape], &s)
        #expect(s.rows == sorted)
        #expect(s.selectedEntry?.id == chosen)

        // Only the rows on screen are drawn, and the frame is whole.
        LibraryFixtures.press(Fixtures.keys("G"), &s)
        let frame = LibraryRenderer.render(s)
        #expect(frame.lines[0].contains("35000 bài"))
        #expect(frame.lines[39].contains("35000/35000"))
    }
}
