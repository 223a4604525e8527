import ArgumentParser

/// The `docbao` command: read an article (the default), or export it.
@main
struct DocBao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docbao",
        abstract: "Đọc báo: a terminal reader for news articles, Vietnamese first.",
        discussion: """
        With no FILE, opens the bundled article (or reads stdin when it is a pipe).
        Examples:
          docbao                         open the bundled article
          docbao bai-bao.txt             open a plain-text news article
          docbao bai-bao.json            open an article in the JSON model format
          curl -s … | docbao             read from a pipe, keys from the terminal
          docbao --dump --width 60 FILE  print the formatted article and exit
          docbao export --format json FILE > bai.json
        """,
        version: "0.1.0",
        subcommands: [Read.self, Export.self, Grep.self],
        defaultSubcommand: Read.self
    )
}
