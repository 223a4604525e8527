/// The one definition of "how far through an article": a fraction of its text (the source offset
/// just past the last line on screen, over the whole), shown as a whole percent that reaches 100
/// only once the end has been on screen. The status line, the bookmarks list, the library view and
/// the stored position all go through here, so they never disagree about the same place.
public enum ReadingProgress {
    /// 0…99 before the end, 100 at it. The small nudge keeps 0.29 (29/100 computed in floating
    /// point as 0.28999…) at 29, as integer division of the same offsets gives.
    public static func percent(_ fraction: Double) -> Int {
        guard fraction < 1 else { return 100 }
        return max(0, min(99, Int(fraction * 100 + 1e-9)))
    }

    /// "45%", or "xong" (finished) once the end has been read.
    public static func label(_ fraction: Double) -> String {
        fraction >= 1 ? "xong" : "\(percent(fraction))%"
    }
}
