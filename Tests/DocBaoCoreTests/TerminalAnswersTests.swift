import Testing
@testable import DocBaoCore

/// Issue 18 item 1: the terminal's answers to OSC 11 and DA1 read out of its input, whole, however
/// they arrive, and never taken for keys.
@Suite struct TerminalAnswersTests {
    /// Feeds `parts` one after another, as separate reads; the keys found in all.
    private func fed(_ parts: [String], into answers: inout TerminalAnswers) -> String {
        var keys: [UInt32] = []
        for part in parts { for byte in part.utf8 { keys += answers.feed(UInt32(byte)) } }
        return String(decoding: keys.map { UInt8($0) }, as: UTF8.self)
    }

    @Test func answersAreTakenOutAndTypedKeysKept() {
        let bytes = Array("jx\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\q\u{1B}[?62;22c".utf8)
        let a = TerminalAnswers(bytes)
        #expect(a.complete && a.rest == Array("jxq".utf8))
        #expect(a.osc11.map { TerminalBackground.osc11($0) } == .light)
        let arrow = TerminalAnswers(Array("\u{1B}[A".utf8))
        #expect(!arrow.complete && arrow.rest == Array("\u{1B}[A".utf8), "an arrow key typed ahead is kept")
    }

    @Test func oscAnswerEndedByBELOrByST() {
        let bel = TerminalAnswers(Array("\u{1B}]11;rgb:0000/0000/0000\u{07}\u{1B}[?1;2c".utf8))
        #expect(bel.complete && bel.rest.isEmpty)
        #expect(bel.osc11.flatMap(TerminalBackground.osc11) == .dark)
        let st = TerminalAnswers(Array("\u{1B}]11;rgb:fdfd/f6f6/e3e3\u{1B}\\\u{1B}[?1;2c".utf8))
        #expect(st.complete && st.rest.isEmpty)
        #expect(st.osc11.flatMap(TerminalBackground.osc11) == .light)
    }

    @Test func da1FirstMeansNoOSC11() {
        let a = TerminalAnswers(Array("\u{1B}[?62;22c".utf8))
        #expect(a.complete && a.osc11 == nil && a.rest.isEmpty, "the terminal does not know OSC 11: done, no colour")
    }

    @Test func answersSplitAcrossReadsAreSwallowedWhole() {
        var a = TerminalAnswers()
        let keys = fed(["\u{1B}", "]11;rgb:ff", "ff/ffff/ffff\u{1B}", "\\j\u{1B}", "[", "?6", "2;22", "c"], into: &a)
        #expect(keys == "j" && a.complete && a.isIdle)
        #expect(a.osc11.flatMap(TerminalBackground.osc11) == .light)
    }

    @Test func aCutAnswerIsNotComplete_andIsDroppedNotTyped() {
        var a = TerminalAnswers()
        #expect(fed(["\u{1B}]11;rgb:ff"], into: &a).isEmpty)
        #expect(!a.complete && a.osc11 == nil && !a.isIdle)
        #expect(a.flush().isEmpty, "half an answer is never keys")
        var da = TerminalAnswers()
        #expect(fed(["\u{1B}[?62;"], into: &da).isEmpty && da.flush().isEmpty)
    }

    @Test func aLateAnswerAmongKeysIsSwallowed() {
        // The wait ended before any answer; the keys that follow carry them.
        var a = TerminalAnswers()
        let keys = fed(["jj", "\u{1B}]11;rgb:0/0/0\u{07}", "k\u{1B}[?1;0c", "q"], into: &a)
        #expect(keys == "jjkq" && a.complete)
    }

    @Test func escapeAndCSIKeysTypedAreHandedBack() {
        var a = TerminalAnswers()
        #expect(fed(["\u{1B}x", "\u{1B}[B", "\u{1B}\u{1B}"], into: &a) == "\u{1B}x\u{1B}[B\u{1B}")
        #expect(!a.isIdle && a.flush() == [0x1B], "a lone ESC waits for its next byte, then is the Escape key")
        #expect(a.isIdle)
    }

    @Test func garbageIsKeysOrDroppedButNeverBreaksTheReader() {
        var a = TerminalAnswers()
        let keys = fed(["\u{1B}[?zz", "abc", "\u{1B}]no end\u{1B}x", "y\u{1B}[?1;2c"], into: &a)
        #expect(keys == "zabcxy", "a malformed DA ends at its first odd byte; an OSC at an ESC")
        #expect(a.complete && a.osc11 == "\u{1B}]no end")
        #expect(TerminalAnswers(Array("\u{1B}]11;rgb:zz/00/00\u{07}".utf8)).osc11.flatMap(TerminalBackground.osc11) == nil)
    }
}
