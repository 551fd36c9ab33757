// swift-tools-version: 6.1
// Stand-alone benchmark package for StewardHTTP; not part of the main build or of `swift test`.
// Sources/CCurl, Sources/StewardHTTP and Sources/StewardTesting are symlinks to the real targets.
// Run it with Benchmarks/http/run.sh.
import PackageDescription

let package = Package(
    name: "StewardHTTPBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "StewardHTTP", dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]),
        .target(name: "StewardTesting"),
        .executableTarget(name: "http-bench", dependencies: ["StewardHTTP", "StewardTesting"]),
    ]
)
