/// Reads what a terminal sends back after docbao's questions (OSC 11, then DA1) out of its input,
/// one unit at a time (a byte before curses, a character after), as the bytes arrive: split across
/// reads, late, or mixed with keys typed meanwhile. Answers are swallowed whole; everything else is
/// handed back as keys.
///
/// `ESC ] … (BEL | ESC \)` is an OSC answer (kept in `osc11`); `ESC [ ? digits ; … c` is the device
/// attributes (DA1), which every terminal sends and sends last: `complete` from then on. While an
/// answer is due, any other `ESC [ …` is held until its next unit shows whether it is one.
public struct TerminalAnswers: Sendable {
    /// The last OSC answer, from `ESC ]` to its terminator (excluded).
    public private(set) var osc11: String?
    /// Whether the DA1 answer has come: nothing more is due.
    public private(set) var complete = false

    private enum State: Sendable { case ground, escape, csi, attributes, osc, oscEscape }
    private var state = State.ground
    /// Units held while it is not yet known whether they are an answer or keys.
    private var held: [UInt32] = []
    private var body: [Unicode.Scalar] = []

    public init() {}

    /// All of `bytes` read at once: `rest` is what was not part of an answer.
    public init(_ bytes: [UInt8]) {
        var rest: [UInt8] = []
        for byte in bytes {
            rest += feed(UInt32(byte)).map { UInt8(truncatingIfNeeded: $0) }
        }
        self.rest = rest
    }

    /// Keys found by `init(_:)`.
    public private(set) var rest: [UInt8] = []

    /// Whether no unit is held: the next one starts afresh.
    public var isIdle: Bool { state == .ground }

    /// Takes one unit of input; returns the units that turned out to be keys (none while an answer
    /// or a possible one is being read).
    public mutating func feed(_ unit: UInt32) -> [UInt32] {
        switch state {
        case .ground:
            guard unit == 0x1B else { return [unit] }
            held = [unit]
            state = .escape
            return []
        case .escape:
            switch unit {
            case 0x5D:
                state = .osc
                body = ["\u{1B}", "]"]
                held = []
                return []
            case 0x5B:
                held.append(unit)
                state = .csi
                return []
            default:
                return release(plus: unit)
            }
        case .csi:
            guard unit == 0x3F else { return release(plus: unit) }
            held = []
            state = .attributes
            return []
        case .attributes:
            if (0x30...0x3B).contains(unit) { return [] }
            state = .ground
            if unit == 0x63 { complete = true }
            return []  // a malformed reply ends here, swallowed: never keys
        case .osc:
            switch unit {
            case 0x07: finishOSC()
            case 0x1B: state = .oscEscape
            default: if let scalar = Unicode.Scalar(unit) { body.append(scalar) }
            }
            return []
        case .oscEscape:
            finishOSC()
            // ESC \ ends it; an ESC followed by anything else ended it too, and starts what follows.
            return unit == 0x5C ? [] : feed(unit)
        }
    }

    /// Gives up on what is held (its continuation did not come): a key typed (`ESC`, `ESC [`) is handed
    /// back; a cut answer is dropped.
    public mutating func flush() -> [UInt32] {
        defer { state = .ground; held = []; body = [] }
        return state == .escape || state == .csi ? held : []
    }

    private mutating func release(plus unit: UInt32) -> [UInt32] {
        let keys = held
        held = []
        state = .ground
        return keys + feed(unit)
    }

    private mutating func finishOSC() {
        var text = ""
        text.unicodeScalars.append(contentsOf: body)
        osc11 = text
        body = []
        state = .ground
    }
}
