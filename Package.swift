// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "docbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docbao", targets: ["docbao"]),
        // The pure core, for packages beside this one (the fuzz targets in Fuzz/).
        .library(name: "DocBaoCore", targets: ["DocBaoCore"]),
        // Web pages read as articles, for the fuzz target of the HTML importer.
        .library(name: "DocBaoWeb", targets: ["DocBaoWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // ncursesw, wide-character API. Feature macros are defined in shim.h itself.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // libxml2 (`libxml2-dev`): the HTML parser for saved web pages, the XML parser for feeds.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // zlib (`zlib1g-dev`): the library's stored texts, deflated (issue 20).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // One-line C functions for the curses macros and globals Swift cannot import.
        .target(name: "CursesShim", dependencies: ["CNcursesw"]),
        // Pure Swift: article model, importer, text layout, reader state, rendering to a Frame.
        .target(name: "DocBaoCore"),
        // The loading layer: where an article comes from (a path, a folder, stdin, the bundled
        // article), its bytes (bounded reads, huge files read in place), what kind it is (decided in
        // one place), the importer of each kind (one registry) -> Article. Also the file and platform
        // layer: XDG paths, folder walks, the few libc calls (`Platform`). Imports only the core.
        .target(name: "DocBaoLoading", dependencies: ["DocBaoCore", "DocBaoWeb"]),
        // Web pages and feeds: libxml2 parses them (never loading anything, `LibXML`), and the
        // article is found in the page. Pure apart from the parser: bytes in, core model out.
        .target(name: "DocBaoWeb", dependencies: ["DocBaoCore", "CLibXML2"]),
        // libcurl's few functions, looked up with dlopen on the first fetch: no headers, no link.
        .target(name: "CCurlShim", linkerSettings: [.linkedLibrary("dl")]),
        // HTTP: fetching pages and feeds within limits (HTTPClient, on libcurl's C API). Only the
        // program imports it: the core and the loading layer take bytes, wherever they came from.
        .target(name: "DocBaoNet", dependencies: ["CCurlShim"]),
        // Subscriptions updated (`docbao update`, the library view's update key): feeds fetched with
        // conditional requests, the page behind each new entry extracted, each feed's new articles
        // added in one transaction. The executable gives it to the App behind `FeedUpdating`.
        .target(name: "DocBaoUpdate", dependencies: ["DocBaoCore", "DocBaoLoading", "DocBaoStore", "DocBaoWeb", "DocBaoNet"]),
        // The config file (TOML through TOMLKit) read into the core's settings.
        .target(name: "DocBaoConfig", dependencies: ["DocBaoCore", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The library: articles, reading positions and marks in SQLite (GRDB), full-text search
        // with FTS5 over folded text, checked with the core's matcher. Articles come in through
        // DocBaoLoading; this target only stores them.
        .target(name: "DocBaoStore", dependencies: ["DocBaoCore", "DocBaoLoading", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]),
        // Thin ncurses backend: Frame -> screen, keys/mouse/resize -> InputEvent.
        .target(name: "DocBaoTerminal", dependencies: ["DocBaoCore", "CNcursesw", "CursesShim"]),
        // The full-screen program: the reader and the library view run on the core's event loop,
        // their effects (saving, searching the library, background imports) run against the store.
        .target(name: "DocBaoApp", dependencies: ["DocBaoCore", "DocBaoLoading", "DocBaoStore"]),
        // Build tool: turns Resources/*.txt into a Swift source so the binary carries its article.
        .executableTarget(name: "EmbedResource"),
        .plugin(name: "EmbedArticlePlugin", capability: .buildTool(), dependencies: ["EmbedResource"]),
        .executableTarget(
            name: "docbao",
            dependencies: [
                "DocBaoCore", "DocBaoTerminal", "DocBaoConfig", "DocBaoLoading", "DocBaoStore", "DocBaoApp", "DocBaoWeb", "DocBaoNet", "DocBaoUpdate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds link libstdc++ (the Swift runtime's and toml++'s) statically when
            // scripts/static-libstdc++ (run by `make build`) has put a link to libstdc++.a there:
            // the first folder the linker searches. Start-up time: BENCHMARKS.md.
            linkerSettings: [
                .unsafeFlags(["-L", Context.packageDirectory + "/.build/static-libstdc++"], .when(configuration: .release)),
                // lld (shipped with the toolchain) lays out first the functions in scripts/link-order.txt,
                // the ones start-up runs, so they share pages; and packs the loader's 87,000 relative
                // relocations into a few KB (DT_RELR, glibc 2.36+). Together: about a third less
                // resident memory at the first screen and fewer page faults (BENCHMARKS.md).
                // scripts/link-order makes the list; rm the binary after it to relink.
                .unsafeFlags([
                    "-use-ld=lld",
                    "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                    "-Xlinker", "--symbol-ordering-file=" + Context.packageDirectory + "/scripts/link-order.txt",
                    "-Xlinker", "--no-warn-symbol-ordering",
                    // swiftc exports all 9,000 of the program's symbols; nothing looks them up, but the
                    // loader searches them (and reads their 0.5 MB of names) for every library symbol.
                    "-Xlinker", "--no-export-dynamic",
                ], .when(platforms: [.linux], configuration: .release)),
            ],
            plugins: ["EmbedArticlePlugin"]
        ),
        // Release-build benchmark of search on a large article, beside grep -c (Benchmarks/README.md).
        .executableTarget(name: "SearchBenchmark", dependencies: ["DocBaoCore", "DocBaoLoading", "DocBaoStore"]),
        // Release-build benchmark of a large library: search and list latency (scripts/bench-library).
        .executableTarget(name: "LibraryBenchmark", dependencies: ["DocBaoCore", "DocBaoStore"]),
        // Where the shared corpora are (../shared/), for the test targets that read them.
        .target(name: "TestCorpus", path: "Tests/TestCorpus"),
        .testTarget(name: "DocBaoCoreTests", dependencies: ["DocBaoCore", "TestCorpus"], exclude: ["Snapshots"]),
        .testTarget(name: "DocBaoConfigTests", dependencies: ["DocBaoConfig"]),
        .testTarget(name: "DocBaoWebTests", dependencies: ["DocBaoWeb", "CLibXML2"]),
        .testTarget(name: "DocBaoLoadingTests", dependencies: ["DocBaoLoading"]),
        // Against Tests/e2e/http_server.py on 127.0.0.1, started by the tests.
        .testTarget(name: "DocBaoNetTests", dependencies: ["DocBaoNet"]),
        // The update's parts without a server (the whole runs against the loopback server in Tests/e2e).
        .testTarget(name: "DocBaoUpdateTests", dependencies: ["DocBaoUpdate", "DocBaoLoading", "DocBaoWeb"]),
        // Fixtures/: libraries written by earlier docbaos, read by path (MigrationTests).
        .testTarget(name: "DocBaoStoreTests", dependencies: ["DocBaoStore", "DocBaoLoading", "TestCorpus"], exclude: ["Fixtures"]),
        // Whole runs of the reader and the library view on the in-memory terminal, with a real library.
        .testTarget(name: "DocBaoAppTests", dependencies: ["DocBaoApp", "DocBaoStore", "DocBaoLoading", "DocBaoCore", "TestCorpus"]),
    ]
)
