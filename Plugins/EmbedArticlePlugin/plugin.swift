import Foundation
import PackagePlugin

/// Generates `BundledArticle.swift` from the article in `Resources/`, so the binary carries it and
/// still finds it when copied anywhere.
@main
struct EmbedArticlePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "Resources/hoi-nghi-ngoai-giao-29.txt")
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledArticle.swift")
        return [
            .buildCommand(
                displayName: "Embedding the bundled article",
                executable: try context.tool(named: "EmbedResource").url,
                arguments: [input.path, output.path],
                inputFiles: [input],
                outputFiles: [output]
            ),
        ]
    }
}
