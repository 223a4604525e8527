import DocBaoCore
import Foundation

/// The Telex/VNI composer fed any keys: the first byte picks the method and tone placement; then
/// each character is a key, except DEL or BS (backspace), 0x01 (next input method), 0x02 (other
/// tone placement) and 0x03 (clear).
enum ComposerTarget {
    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let methods = InputMethod.allCases, placements = TonePlacement.allCases
        var composer = TelexComposer(method: methods[Int(first) % methods.count],
                                     placement: placements[Int(first) / methods.count % placements.count])
        for key in PlainTextImporter.decode(Array(bytes.dropFirst())).text {
            switch key {
            case "\u{7F}", "\u{08}": composer.backspace()
            case "\u{01}": composer.method = methods[(methods.firstIndex(of: composer.method)! + 1) % methods.count]
            case "\u{02}": composer.placement = composer.placement == .modern ? .traditional : .modern
            case "\u{03}": composer.clear()
            default:
                let before = composer.text
                composer.type(key)
                // A letter typed into a word and taken back leaves the text as it was.
                if composer.method != .off, key.isASCII, key.isLetter {
                    var undone = composer
                    undone.backspace()
                    require(Check.sameScalars(undone.text, before),
                            "typing \(key.debugDescription) then backspace gives \(undone.text.debugDescription), not \(before.debugDescription)")
                }
            }
            let text = composer.text
            require(Check.sameScalars(text, text.precomposedStringWithCanonicalMapping), "text is not NFC: \(text.debugDescription)")
        }
    }
}
