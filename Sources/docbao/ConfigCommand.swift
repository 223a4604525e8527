import ArgumentParser
import DocBaoConfig
import Foundation

/// `docbao config`: check the config file, print where it is, or print a commented default one.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the config file, show where it is, or print a commented default one.",
        usage: "docbao config [--default | --path] [--config <path>]",
        discussion: """
        Examples:
          docbao config --default > ~/.config/docbao/config.toml
              start a config file from the commented defaults
          docbao config
              check it: every problem with its line, status 1 if there is one
        """)

    @Flag(name: .customLong("default"), help: "Print a commented config file with every default.")
    var printDefault = false

    @Flag(help: "Print the path the config file is read from.")
    var path = false

    @Option(help: ArgumentHelp("Check this file instead of the default location.", valueName: "path"))
    var config: String?

    func run() throws {
        if printDefault {
            Output.out(TerminalText(verbatim: ConfigFile.defaultText()))
            return
        }
        let loaded = ConfigLoader.load(explicitPath: config)
        if path {
            Output.out("\(loaded.path)\n")
            return
        }
        guard loaded.exists else {
            Output.out("no config file at \(loaded.path) (docbao config --default > \(loaded.path) starts one)\n")
            if !loaded.problems.isEmpty { throw Failure.reported() }
            return
        }
        loaded.report(Output.out)  // every problem with its line, on stdout: the status is left
        if loaded.problems.isEmpty { Output.out("\(loaded.path): ok\n") } else { throw Failure.reported() }
    }
}
