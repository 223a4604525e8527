import ArgumentParser

/// `--color`: whether output outside the reader carries ANSI colour.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}
