/// The colour themes: for dark terminals (the default), for light ones, and without colour.
public enum ThemeName: String, CaseIterable, Sendable {
    case dark, light, mono
}
