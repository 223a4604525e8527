// swift-tools-version:6.1
// libFuzzer targets for DocBaoCore and DocBaoWeb (web pages). A package of its own so that the root package's `swift build`
// and `swift test` never see the sanitizer flags. Build and run with scripts/fuzz (README: Fuzzing).
import PackageDescription

let package = Package(
    name: "docbao-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named: a path dependency is otherwise known by its folder's name, which differs between clones.
        .package(name: "docbao", path: ".."),
    ],
    targets: [
        // Header only: the declaration of libFuzzer's driver.
        .target(name: "CLibFuzzer"),
        .executableTarget(name: "DocBaoFuzz", dependencies: [
            "CLibFuzzer", .product(name: "DocBaoCore", package: "docbao"), .product(name: "DocBaoWeb", package: "docbao"),
        ]),
    ]
)
