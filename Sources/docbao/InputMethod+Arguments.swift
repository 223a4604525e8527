import ArgumentParser
import DocBaoCore

// Command-line spellings of the prompt's typing options: their raw values.
extension InputMethod: ExpressibleByArgument {}
extension TonePlacement: ExpressibleByArgument {}
