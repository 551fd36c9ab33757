// swift-tools-version: 6.1
// Stand-alone benchmark package for StewardAdapters; not part of the main build or of `swift test`.
// Sources/{CCurl,StewardHTTP,StewardTesting,StewardRouter,StewardCore,StewardAdapters} are symlinks
// to the real targets. Run it with Benchmarks/adapters/run.sh.
import PackageDescription

let package = Package(
    name: "StewardAdaptersBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "StewardHTTP", dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]),
        .target(name: "StewardTesting"),
        .target(name: "StewardRouter"),
        .target(name: "StewardCore", dependencies: ["StewardRouter", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "StewardAdapters",
            dependencies: ["StewardCore", "StewardHTTP", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "adapters-bench",
            dependencies: ["StewardAdapters", "StewardCore", "StewardHTTP", "StewardTesting"]),
    ]
)
