import Testing
@testable import DocBaoCore

/// Issue 17: J, K and U in the reader go through the library's list as the user saw it (sorted,
/// filtered, or a search's results), U skipping the articles already opened.
@Suite struct ArticleListTests {
    typealias F = LibraryFixtures

    /// The library sorted by title (4 An, 3 ăn, 2 Dương, 1 Đà, 5 Hội, 6 Ông; 4, 1 and 6 unread),
    /// the reader opened on row `row`.
    static func reader(openingRow row: Int) throws -> (ReaderState, ArticleList) {
        var view = F.state()
        F.press([.char("s"), .char("s"), .char("g")] + Array(repeating: .char("j"), count: row), &view)
        #expect(F.ids(view) == [4, 3, 2, 1, 5, 6])
        let list = try #require(view.articleList(opening: view.selectedEntry!.id))
        var reader = try Fixtures.seedState(100, 30)
        reader.articles = list
        return (reader, list)
    }

    static func opened(_ effects: [Effect]) -> ArticleList? {
        guard effects.count == 1, case .openArticle(let list) = effects[0] else { return nil }
        return list
    }

    @Test func jAndKGoToTheNextAndPreviousArticleInTheListsOrder() throws {
        var (reader, list) = try Self.reader(openingRow: 2)
        #expect(list.current == 2 && list.unread == [4, 1, 6] && list.search == nil)
        let next = try #require(Self.opened(Fixtures.press([.char("J")], &reader)))
        #expect(next.current == 1 && next.label == "Bài 4/6 · 2 bài chưa đọc", "the article opened is read now")
        #expect(try #require(Self.opened(Fixtures.press([.char("K")], &reader))).current == 3)
        // At the ends the reader stays and says why.
        reader.articles = next.moved(to: 5)
        #expect(Fixtures.press([.char("J")], &reader).isEmpty && reader.message == "Đây là bài cuối của danh sách (6/6)")
        reader.articles = next.moved(to: 0)
        #expect(Fixtures.press([.char("K")], &reader).isEmpty && reader.message == "Đây là bài đầu của danh sách (1/6)")
    }

    @Test func uGoesToTheNextUnreadThenFromTheTopAndSaysWhenNoneIsLeft() throws {
        var (reader, _) = try Self.reader(openingRow: 2)
        var visited: [Int64] = []
        while let list = Self.opened(Fixtures.press([.char("U")], &reader)) {
            visited.append(list.current)
            reader.articles = list
            #expect(visited.count <= 3)
        }
        // 3 and 5 were read before; 2 is open; after 6 the walk goes on from the top.
        #expect(visited == [1, 6, 4])
        #expect(reader.message == "Không còn bài chưa đọc trong danh sách")
        #expect(Renderer.render(reader).lines.last!.contains("Không còn bài chưa đọc"))
        // J and K still go through every article, read or not.
        #expect(try #require(Self.opened(Fixtures.press([.char("J")], &reader))).current == 3)
    }

    /// A short article whose end is on screen: leaving it, however (J, U, K, L, q: the program saves
    /// `progressOnLeaving` on every way out), counts it as read; the keys themselves read nothing,
    /// and a long one left at its first screen is not read (opening alone reads nothing).
    @Test func aShortArticleSeenWholeIsReadOnLeavingHoweverItIsLeft() throws {
        let (_, list) = try Self.reader(openingRow: 2)
        for key in ["J", "U", "K"] {
            var reader = ReaderState(article: PlainTextImporter.importArticle("Tin ngắn\n\nMột đoạn văn."), size: Size(width: 100, height: 30))
            reader.articles = list
            #expect(reader.furthest == 0 && reader.progressOnLeaving == 1, "seen whole at opening")
            #expect(Self.opened(Fixtures.press([.char(Character(key))], &reader)) != nil)
            #expect(reader.furthest == 0 && reader.progressOnLeaving == 1, "\(key) alone reads nothing more")
        }
        var (long, _) = try Self.reader(openingRow: 2)
        Fixtures.press([.char("J")], &long)
        #expect(long.furthest == 0 && long.progressOnLeaving == 0)
        // Read to the end, then back at the top: still read, whatever is on screen.
        Fixtures.press([.char("G"), .char("g")], &long)
        #expect(long.furthest == 1 && long.progressOnLeaving == 1)
    }

    @Test func theListIsTheFilteredRowsOrTheSearchResults() throws {
        var view = F.state()
        F.press([.char("&")] + F.type("nh") + [.enter], &view)
        let rows = F.ids(view)
        #expect(rows == [2, 3])
        #expect(view.articleList(opening: rows[0])?.ids == rows)
        #expect(view.articleList(opening: 6) == nil || rows.contains(6), "an article not in the list has none")
        _ = LibraryView.reduce(&view, .results(query: "dau tranh", options: SearchOptions(), hits: F.hits))
        let found = try #require(view.articleList(opening: 2))
        #expect(found.ids == [5, 2] && found.index == 1 && found.search?.query == "dau tranh" && found.unread.isEmpty)
    }

    @Test func withoutAListTheKeysSaySo() throws {
        var reader = try Fixtures.seedState(100, 30)
        for key in ["J", "K", "U"] {
            #expect(Fixtures.press([.char(Character(key))], &reader).isEmpty)
            #expect(reader.message?.contains("thư viện") == true)
        }
        // n and N are still the search's.
        #expect(reader.keyMap.action(for: .char("n"), focus: .article) == .nextMatch)
        #expect(reader.keyMap.action(for: .char("N"), focus: .article) == .previousMatch)
    }
}
