import CLibFuzzer
import Foundation

/// `DocBaoFuzz TARGET [libFuzzer options] [corpus dirs or a crash file]` fuzzes one target;
/// `DocBaoFuzz seeds OUT_DIR SHARED_DIR` writes each target's seed corpus from ../shared.
///
/// SwiftPM links the program's own main in place of libFuzzer's, so main hands the arguments after
/// the target's name to libFuzzer's driver itself.
@main struct FuzzMain {
    static func main() {
        let args = CommandLine.arguments
        if args.count == 4 && args[1] == "seeds" {
            do {
                try Seeds.write(to: URL(fileURLWithPath: args[2]), shared: URL(fileURLWithPath: args[3]))
                return
            } catch {
                fail("DocBaoFuzz seeds: \(error)", status: 1)
            }
        }
        guard args.count >= 2, let chosen = FuzzTarget(rawValue: args[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            fail("""
                usage: DocBaoFuzz \(names) [libFuzzer options] [corpus dirs or a crash file]
                       DocBaoFuzz seeds OUT_DIR SHARED_DIR
                """, status: 2)
        }
        target = chosen
        var cArgs = ([args[0]] + args.dropFirst(2)).map { strdup($0) } + [nil]
        var argc = Int32(cArgs.count - 1)
        let status = cArgs.withUnsafeMutableBufferPointer { buffer in
            var argv = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &argv, fuzzerTestOneInput)
        }
        exit(status)
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(status)
    }
}

/// The target chosen by the first argument; set once, before the driver starts.
nonisolated(unsafe) private var target = FuzzTarget.importer

/// Runs the chosen target on one input. Under this name because the fuzzer runtime's own (unused)
/// main refers to it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch target {
    case .importer: ImporterTarget.run(bytes)
    case .json: JSONTarget.run(bytes)
    case .layout: LayoutTarget.run(bytes)
    case .matcher: MatcherTarget.run(bytes)
    case .composer: ComposerTarget.run(bytes)
    case .html: HTMLTarget.run(bytes)
    }
    return 0
}

/// The fuzz targets: one per part of the core that reads hostile input.
enum FuzzTarget: String, CaseIterable {
    /// Bytes of a plain-text article, decoded and imported as docbao does (PlainTextImporter).
    case importer
    /// Bytes of a JSON article model (ArticleJSON.decode).
    case json
    /// A width (first byte) and text: Wrapper.wrap and Layout.
    case layout
    /// Options (first byte), a query, a newline and a text: Matcher.
    case matcher
    /// Method and placement (first byte), then keys: TelexComposer.
    case composer
    /// Bytes of a saved web page (DocBaoWeb's HTMLPage).
    case html
}
