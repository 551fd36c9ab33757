// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// The repository root (this file's folder).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// Whether `path` (relative to the repository root) exists.
func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
}

/// The skills shipped with Steward: one folder under `Skills/` each, by folder name. SwiftPM reads
/// this file again only when it changes, so a new skill's folder is named here (a folder alone would
/// not be seen until the next change). Everything else about a skill's targets comes from its folder;
/// the running order is the one list in `Sources/StewardSkills/ShippedSkills.swift`.
/// Adding a skill = its folder, its name here, one line there.
let skills = [
    "Coupons",
    "KnowledgeBase",
    "Loyalty",
    "OrderEditing",
    "OrderTracking",
    "Recommendations",
    "Returns",
    "Subscriptions",
]

var targets: [Target] = [
    // The intent router: tokenizer, TF-IDF features, linear scorer, decisions. No dependencies.
    // Optimised in debug builds too: training the shop model unoptimised takes over a minute, which every
    // test process and `swift run` would pay; optimised it takes about a second.
    .target(name: "StewardRouter", swiftSettings: [.unsafeFlags(["-O"])]),
    // libcurl, found through pkg-config, with a C shim for the variadic curl_easy_setopt.
    .systemLibrary(
        name: "CCurl",
        pkgConfig: "libcurl",
        providers: [.apt(["libcurl4-openssl-dev"])]
    ),
    // Snowball's libstemmer (no pkg-config file: the header is on the default path, the library linked by name).
    .systemLibrary(
        name: "CStemmer",
        providers: [.apt(["libstemmer-dev"])]
    ),
    // Async HTTP client over libcurl's multi interface.
    .target(
        name: "StewardHTTP",
        dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]
    ),
    // Steward's one strict YAML reader: unknown and repeated keys refused, every error with its file and line.
    .target(name: "StewardYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
    // What skill authors import: the Skill protocol, replies and cards, tools, knowledge (stemmed with CStemmer).
    .target(
        name: "StewardCore",
        dependencies: ["StewardRouter", "CStemmer", .product(name: "Logging", package: "swift-log")]
    ),
    // What the runtime, adapters and stores share and skills never use: tickets and helpdesk providers.
    .target(name: "StewardModel", dependencies: ["StewardCore"]),
    // Adapters for shops' real systems (Shopify, Klaviyo, Zendesk, Gorgias, Loop, Recharge, Smile.io).
    .target(
        name: "StewardAdapters",
        dependencies: ["StewardCore", "StewardModel", "StewardHTTP", .product(name: "Logging", package: "swift-log")]
    ),
    // The conversation engine, configuration, the demo store, chat and pipe drivers.
    .target(
        name: "StewardRuntime",
        dependencies: [
            "StewardCore", "StewardModel", "StewardRouter", "StewardAdapters", "StewardHTTP", "StewardYAML",
            .product(name: "Logging", package: "swift-log"),
        ],
        // Steward's own intents and the out-of-scope class: Intents/<lang>/<intent>.txt;
        // Steward's own texts in each language: Texts/<lang>.yaml.
        resources: [.copy("Intents"), .copy("Texts")]
    ),
    // The embedded SQLite store (GRDB): sessions, tickets, outbox, the team's replies.
    .target(
        name: "StewardStore",
        dependencies: ["StewardCore", "StewardModel", "StewardRuntime", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // Test support: stub HTTP server on 127.0.0.1, fixtures, skill conformance checks.
    .target(name: "StewardTesting"),
    // The one list of shipped skills, in running order: the executable and every test use it.
    .target(name: "StewardSkills", dependencies: ["StewardCore"] + skills.map { .target(name: $0) }),
    // Checks every skill must pass (manifest, examples, tools, answers on every channel, conversation
    // scripts), as a library so a new skill's own tests get them too.
    .target(
        name: "StewardSkillTesting",
        dependencies: ["StewardCore", "StewardRuntime", "StewardSkills", .product(name: "Logging", package: "swift-log")]
    ),
    .executableTarget(
        name: "steward",
        dependencies: [
            "StewardRouter", "StewardCore", "StewardModel", "StewardRuntime", "StewardStore", "StewardSkills",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]
    ),
    .testTarget(name: "StewardCoreTests", dependencies: ["StewardCore"]),
    .testTarget(name: "StewardYAMLTests", dependencies: ["StewardYAML"]),
    .testTarget(name: "StewardRouterTests", dependencies: ["StewardRouter"], exclude: ["Fixtures"]),
    .testTarget(
        name: "StewardHTTPTests",
        dependencies: ["StewardHTTP", "StewardTesting", .product(name: "Logging", package: "swift-log")]
    ),
    .testTarget(name: "StewardAdaptersTests", dependencies: ["StewardAdapters", "StewardCore", "StewardModel", "StewardHTTP", "StewardTesting"]),
    .testTarget(
        name: "StewardStoreTests",
        dependencies: ["StewardStore", "StewardRuntime", "StewardCore", "StewardModel", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .testTarget(
        name: "StewardRuntimeTests",
        // StewardAdapters and StewardTesting: skills driven against adapters talking to stub vendor servers.
        // StewardStore: engine tests that must hold with the SQLite store too (idempotency, one ticket per person).
        dependencies: ["StewardCore", "StewardModel", "StewardRuntime", "StewardRouter", "StewardAdapters", "StewardHTTP", "StewardTesting", "StewardStore", "StewardSkills", "StewardYAML"]
            + skills.map { .target(name: $0) },
        resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "stewardTests", dependencies: ["steward", "StewardTesting"], exclude: ["Golden"]),
    // Every shipped skill against the checks of StewardSkillTesting.
    .testTarget(name: "SkillConformanceTests", dependencies: ["StewardSkills", "StewardSkillTesting", "StewardCore", "StewardRuntime"]),
]

for skill in skills {
    // A new skill may start with skill.yaml only: examples, conversations and tests are optional.
    let folder = "Skills/\(skill)"
    targets.append(
        .target(
            name: skill,
            dependencies: ["StewardCore"],
            path: folder,
            exclude: ["conversations", "Tests"].filter { exists("\(folder)/\($0)") },
            // skill.yaml and the training examples, examples/<lang>/<intent>.txt.
            resources: [.copy("skill.yaml")] + (exists("\(folder)/examples") ? [.copy("examples")] : [])
        )
    )
    // The skill's own Swift tests, Skills/<Name>/Tests/*.swift, as the test target <Name>Tests. (Folders are
    // looked at when SwiftPM reads this file: after its text changes, or with `swift build --manifest-cache none`.)
    if exists("\(folder)/Tests") {
        targets.append(
            .testTarget(
                name: "\(skill)Tests",
                // StewardRuntime: the bench's engine (linked through StewardSkillTesting; named so SwiftPM finds its C modules).
                dependencies: [.target(name: skill), "StewardCore", "StewardSkillTesting", "StewardRuntime"],
                path: "\(folder)/Tests"
            )
        )
    }
}

let package = Package(
    name: "Steward",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "steward", targets: ["steward"]),
        .library(name: "StewardCore", targets: ["StewardCore"]),
        .library(name: "StewardRouter", targets: ["StewardRouter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // SQLite through a well-kept library rather than hand-written bindings; builds in under a minute.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: targets
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
    ]
}
