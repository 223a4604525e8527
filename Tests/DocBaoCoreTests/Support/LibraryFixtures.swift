import Foundation
@testable import DocBaoCore

/// Library entries and states that the library view tests share.
enum LibraryFixtures {
    /// Six articles; their orders:
    /// - recent: 5, 2, 3 (read, last read first), then 4, 1, 6 (unread, last added first);
    /// - date: 4, 1, 2, 6, 5, then 3 (no date);
    /// - title: 4 An, 3 ăn, 2 Dương, 1 Đà, 5 Hội, 6 Ông.
    static let entries: [LibraryEntry] = [
        LibraryEntry(id: 1, title: "Đà Nẵng mùa mưa", source: "Dân trí", date: "2021-03-05", words: 800, added: 100),
        LibraryEntry(id: 2, title: "Dương Văn Minh và những ngày cuối", source: "Tuổi Trẻ", date: "05/03/2020", words: 1200,
                     progress: 0.45, lastRead: 500, added: 90),
        LibraryEntry(id: 3, title: "ăn uống lành mạnh", words: 150, progress: 1, lastRead: 400, added: 80),
        LibraryEntry(id: 4, title: "An toàn giao thông dịp Tết", source: "Dân trí", date: "Thứ hai, 12/04/2021 10:30 (GMT+7)",
                     words: 2000, added: 110),
        LibraryEntry(id: 5, title: "Hội nghị Ngoại giao lần thứ 29", source: "baochinhphu.vn", date: "2016-08-21",
                     words: 3100, progress: 0.1, lastRead: 600, added: 70),
        LibraryEntry(id: 6, title: "Ông già Noel", date: "tháng 12/2019", words: 90, added: 60),
    ]

    static func state(_ width: Int = 100, _ height: Int = 12, entries: [LibraryEntry] = entries) -> LibraryViewState {
        LibraryViewState(entries: entries, size: Size(width: width, height: height))
    }

    /// `n` entries titled "Bài 1"… with ids 1…n, added in id order.
    static func numbered(_ n: Int) -> [LibraryEntry] {
        (1...n).map { LibraryEntry(id: Int64($0), title: "Bài \($0)", words: 400, added: Double($0)) }
    }

    static let hits: [LibraryHit] = [
        LibraryHit(id: 5, title: "Hội nghị Ngoại giao lần thứ 29", source: "baochinhphu.vn", hits: 12,
                   snippet: "kiên quyết, kiên trì đấu tranh bảo vệ độc lập, chủ quyền",
                   highlights: Matcher("dau tranh").matches(in: "kiên quyết, kiên trì đấu tranh bảo vệ độc lập, chủ quyền")),
        LibraryHit(id: 2, title: "Dương Văn Minh và những ngày cuối", hits: 3,
                   snippet: "cuộc đấu tranh thống nhất đất nước",
                   highlights: Matcher("dau tranh").matches(in: "cuộc đấu tranh thống nhất đất nước")),
    ]

    /// Sends keys the way the run loop does (event → message → reduce); returns the effects.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout LibraryViewState) -> [LibraryEffect] {
        var effects: [LibraryEffect] = []
        for key in keys {
            if let message = LibraryView.message(for: .key(key), in: state) {
                effects += LibraryView.reduce(&state, message)
            }
        }
        return effects
    }

    /// Each character of `text` as a key.
    static func type(_ text: String) -> [Key] { text.map { Key.char($0) } }

    static func ids(_ state: LibraryViewState) -> [Int64] { state.rows.map { state.entries[$0].id } }
}
