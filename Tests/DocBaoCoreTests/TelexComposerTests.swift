import Foundation
import Testing
@testable import DocBaoCore

/// One row of `telex_cases.tsv`: keys for an input method and what bogo 1.1 makes of them.
struct TelexCase: Sendable, CustomTestStringConvertible {
    let id: String, method: InputMethod, keys: String, expected: String, intended: String, agree: String

    var testDescription: String { "#\(id) \(method.rawValue) \(keys) → \(expected)" }

    /// The oracle rows whose `agree` column is `agree` ("yes", "NO", or "" for behaviour probes).
    static func rows(agree: String) throws -> [TelexCase] {
        try TestData.tsv("telex_cases.tsv").compactMap { row in
            guard row["agree"] == agree, let method = InputMethod(rawValue: row["method"] ?? "") else { return nil }
            return TelexCase(id: row["id"] ?? "", method: method, keys: row["keys"] ?? "",
                             expected: row["expected"] ?? "", intended: row["intended"] ?? "", agree: agree)
        }
    }
}

@Suite struct TelexComposerTests {
    /// The text after typing `keys` one by one.
    static func compose(_ keys: String, _ method: InputMethod = .telex,
                        _ placement: TonePlacement = .traditional) -> String {
        var composer = TelexComposer(method: method, placement: placement)
        for key in keys { composer.type(key) }
        return composer.text
    }

    /// Equal as Unicode scalars: `==` on String would let NFD pass for NFC.
    static func same(_ a: String, _ b: String) -> Bool { Array(a.unicodeScalars) == Array(b.unicodeScalars) }

    static func isNFC(_ s: String) -> Bool { same(s, s.precomposedStringWithCanonicalMapping) }

    // MARK: The oracle

    @Test func oracleIsThere() throws {
        #expect(try TelexCase.rows(agree: "yes").count == 406)
        #expect(try TelexCase.rows(agree: "NO").count == 14)
    }

    @Test(arguments: try TelexCase.rows(agree: "yes"))
    func agreesWithBogo(_ row: TelexCase) {
        let text = Self.compose(row.keys, row.method)
        #expect(Self.same(text, row.expected), "got \(text)")
        #expect(Self.isNFC(text))
    }

    /// The rows where bogo's traditional placement differs from the intended new-style word
    /// (hoà, khoẻ, thuý, toà, huỷ, thuỷ, hoạ): `.modern` gives the intended word.
    @Test(arguments: try TelexCase.rows(agree: "NO"))
    func modernPlacementGivesTheNewStyle(_ row: TelexCase) {
        #expect(Self.same(Self.compose(row.keys, row.method, .modern), row.intended))
        #expect(Self.same(Self.compose(row.keys, row.method, .traditional), row.expected))
    }

    /// Probes of bogo's behaviour (agree blank) where the composer does as bogo does.
    @Test(arguments: try TelexCase.rows(agree: "").filter { !Self.deliberateDifferences.keys.contains($0.id) })
    func followsBogoProbes(_ row: TelexCase) {
        let text = Self.compose(row.keys, row.method)
        #expect(Self.same(text, row.expected), "got \(text)")
    }

    /// Probes where the composer departs from bogo on purpose, with what it gives instead.
    static let deliberateDifferences: [String: String] = [
        "392": "hoa",  // z removes the tone (bogo has no z rule and keeps "hoafz")
        "451": "a6", "452": "a1", "453": "d9",  // repeating a VNI key undoes it (bogo raises KeyError)
        // Likewise the second 6 undoes ô; "coo6n" is then no Vietnamese word, so the keys show as typed
        // ("co6on…"), and the 1 stays a digit in a word that is no Vietnamese.
        "463": "co6ong1",
        // "see" is no Vietnamese word, so 6 and 4 stay digits (bogo still puts the marks on: "sễe").
        "464": "see64",
    ]

    @Test(arguments: try TelexCase.rows(agree: "").filter { Self.deliberateDifferences.keys.contains($0.id) })
    func departsFromBogoOnPurpose(_ row: TelexCase) throws {
        let wanted = try #require(Self.deliberateDifferences[row.id])
        let text = Self.compose(row.keys, row.method)
        #expect(Self.same(text, wanted), "got \(text)")
    }

    // MARK: Editing

    @Test func backspaceRemovesTheLastKeysEffect() {
        var composer = TelexComposer()
        for key in "nguoiwf" { composer.type(key) }
        #expect(Self.same(composer.text, "người"))
        composer.backspace()
        #expect(Self.same(composer.text, "ngươi"))
        composer.backspace()
        #expect(composer.text == "nguoi")
        composer.backspace()
        #expect(composer.text == "nguo")
        composer.type("w")
        composer.type("i")
        composer.type("f")
        #expect(Self.same(composer.text, "người"))
    }

    @Test func backspaceAfterAnUndoKeyGivesTheMarkBack() {
        var composer = TelexComposer()
        for key in "ass" { composer.type(key) }
        #expect(composer.text == "as")
        composer.backspace()
        #expect(Self.same(composer.text, "á"))
    }

    /// Backspace after any oracle sequence gives what the sequence less its last key gives.
    @Test(arguments: try TelexCase.rows(agree: "yes"))
    func backspaceUndoesExactlyOneKey(_ row: TelexCase) {
        var composer = TelexComposer(method: row.method)
        for key in row.keys { composer.type(key) }
        composer.backspace()
        #expect(Self.same(composer.text, Self.compose(String(row.keys.dropLast()), row.method)))
    }

    @Test func backspacePastTheWordDeletesCommittedCharacters() {
        var composer = TelexComposer()
        for key in "Vieetj Nam" { composer.type(key) }
        for _ in 0..<3 { composer.backspace() }
        #expect(Self.same(composer.text, "Việt "))
        composer.backspace()
        #expect(Self.same(composer.text, "Việt"))
        composer.backspace()
        #expect(Self.same(composer.text, "Việ"))
        for _ in 0..<5 { composer.backspace() }
        #expect(composer.text.isEmpty)
        composer.type("a")
        composer.type("a")
        #expect(composer.text == "â")
    }

    @Test func wordsAreComposedOneAfterAnother() {
        #expect(Self.same(Self.compose("Vieetj Nam"), "Việt Nam"))
        #expect(Self.same(Self.compose("DDaf Nawngx, Hueees"), "Đà Nẵng, Huees"))
        #expect(Self.same(Self.compose("(tieengs)"), "(tiếng)"))
        #expect(Self.same(Self.compose("Vie65t Nam 2017", .vni), "Việt Nam 2017"))
    }

    @Test func setTextCommitsPlainText() {
        var composer = TelexComposer()
        for key in "hoa" { composer.type(key) }
        composer.setText("Hà Nội")
        #expect(Self.same(composer.text, "Hà Nội"))
        // A tone key after committed text starts a new word: it does not reach back into "Nội".
        composer.type("j")
        #expect(Self.same(composer.text, "Hà Nộij"))
        composer.backspace()
        composer.backspace()
        #expect(Self.same(composer.text, "Hà Nộ"))
        composer.setText("Ha\u{300} No\u{302}\u{323}i")  // NFD in, NFC out
        #expect(Self.same(composer.text, "Hà Nội"))
        composer.clear()
        #expect(composer.text.isEmpty)
    }

    @Test func offPassesKeysThrough() {
        #expect(Self.compose("Vieetj Nam ass [ww]", .off) == "Vieetj Nam ass [ww]")
        #expect(Self.same(Self.compose("e\u{301}", .off), "é"))
        var composer = TelexComposer(method: .off)
        for key in "abc" { composer.type(key) }
        composer.backspace()
        #expect(composer.text == "ab")
    }

    @Test func changingTheMethodCommitsTheWord() {
        var composer = TelexComposer()
        for key in "hoaf" { composer.type(key) }
        composer.method = .off
        composer.type("s")
        #expect(Self.same(composer.text, "hòas"))
        composer.method = .vni
        for key in " nam2" { composer.type(key) }
        #expect(Self.same(composer.text, "hòas nàm"))
        #expect(InputMethod.allCases == [.off, .telex, .vni])
    }

    // MARK: Rules beyond the oracle

    @Test func zAndZeroRemoveTheTone() {
        #expect(Self.compose("hoafz") == "hoa")
        #expect(Self.same(Self.compose("hoafzr"), "hỏa"))
        #expect(Self.compose("hoa20", .vni) == "hoa")
        #expect(Self.compose("hoaz") == "hoaz")  // nothing to remove: z is a letter, and no Vietnamese one
    }

    @Test func modernPlacementOnlyMovesOpenOaOeUy() {
        for (keys, word) in [("hoaf", "hoà"), ("khoer", "khoẻ"), ("thuyr", "thuỷ"), ("hoangf", "hoàng"),
                             ("muaf", "mùa"), ("ngoaif", "ngoài"), ("khuyur", "khuỷu"), ("thuowr", "thuở"),
                             ("quys", "quý"), ("huyts", "huýt")] {
            #expect(Self.same(Self.compose(keys, .telex, .modern), word), "\(keys)")
        }
    }

    @Test func capitalsKeepTheirCase() {
        #expect(Self.same(Self.compose("KHOEOF"), "KHOÈO"))
        #expect(Self.same(Self.compose("VIEETJ"), "VIỆT"))
        #expect(Self.same(Self.compose("Ddax"), "Đã"))
        #expect(Self.compose("wW") == "W")  // bogo gives "w": its W rewrites its own w rule
    }

    @Test func digitsStayDigitsInWordsThatAreNoVietnamese() {
        for word in ["COVID19", "iPhone5", "Google1", "H5N1", "mp3"] {
            #expect(Self.compose(word, .vni) == word)
        }
        #expect(Self.same(Self.compose("Ha2 No6i5 COVID19", .vni), "Hà Nội COVID19"))
    }

    @Test func vniHatAfterOpenOaOe() {
        // bogo appends an o here ("khoêo"); the 6 belongs on the e or the a.
        #expect(Self.same(Self.compose("khoe6", .vni), "khoê"))
        #expect(Self.same(Self.compose("hoa6t5", .vni), "hoật"))
    }

    @Test func typedVietnameseLettersAreTakenAsLetters() {
        // A key that is already a Vietnamese letter, precomposed or not, joins the word as NFC.
        #expect(Self.same(Self.compose("vie\u{302}t"), "viêt"))
        #expect(Self.same(Self.compose("vie\u{302}tj"), "việt"))
        #expect(Self.same(Self.compose("đi"), "đi"))
    }
}
