/// Where the tone mark goes on the open vowel pairs oa, oe and uy.
///
/// The two styles differ only there: `traditional` writes hòa, khỏe, thủy (as the reference engine
/// bogo does); `modern` writes hoà, khoẻ, thuỷ. Every other syllable is written the same way in both.
public enum TonePlacement: String, CaseIterable, Sendable {
    case traditional
    case modern
}
