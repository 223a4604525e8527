import ArgumentParser
import DocBaoCore

// Command-line spellings of the choices docbao takes from the core: their raw values.
extension InputMethod: ExpressibleByArgument {}
extension TonePlacement: ExpressibleByArgument {}
extension ThemeName: ExpressibleByArgument {}
