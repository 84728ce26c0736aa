// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "rbank",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rbank", targets: ["rbank"]),
        .library(name: "ReasoningBank", targets: ["ReasoningBank"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // C shims: typed wrappers only; nothing else touches C.
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        // The engine: Foundation only.
        .target(name: "ReasoningBank", swiftSettings: strictSettings),
        .target(
            name: "BankStore",
            dependencies: ["ReasoningBank", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings),
        .target(name: "OfflineModels", dependencies: ["ReasoningBank", "CBLAS"], swiftSettings: strictSettings),
        .target(name: "Environments", dependencies: ["ReasoningBank"], swiftSettings: strictSettings),
        .target(name: "TOMLFiles", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")], swiftSettings: strictSettings),
        .target(
            name: "Providers",
            dependencies: [
                "ReasoningBank", "CCurl", "TOMLFiles",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .target(name: "TerminalUI", dependencies: ["ReasoningBank", "CNCursesW", "TOMLFiles", .product(name: "TOMLKit", package: "TOMLKit")], swiftSettings: strictSettings),
        .target(name: "LineREPL", dependencies: ["ReasoningBank", "CEditLine"], swiftSettings: strictSettings),
        .target(
            name: "RBankCLI",
            dependencies: [
                "ReasoningBank", "BankStore", "OfflineModels", "Environments", "Providers", "TerminalUI", "LineREPL", "TOMLFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(name: "rbank", dependencies: ["RBankCLI"], swiftSettings: strictSettings),
        // make bench's Swift side (Benchmarks/run.sh runs it beside the NumPy references).
        .executableTarget(
            name: "rbank-bench",
            dependencies: [
                "ReasoningBank", "BankStore", "OfflineModels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Harness", swiftSettings: strictSettings),

        // Tests mirror modules.
        .target(name: "TestSupport", dependencies: ["ReasoningBank", "Providers"], path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "ReasoningBankTests",
            dependencies: ["ReasoningBank", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strictSettings),
        .testTarget(name: "BankStoreTests", dependencies: ["BankStore", "TestSupport"], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "OfflineModelsTests", dependencies: ["OfflineModels", "TestSupport"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(name: "EnvironmentsTests", dependencies: ["Environments", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "RBankCLITests", dependencies: ["RBankCLI", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "LineREPLTests", dependencies: ["LineREPL", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"], exclude: ["Snapshots"], swiftSettings: strictSettings),
        .testTarget(name: "ProvidersTests", dependencies: ["Providers", "TOMLFiles", "TestSupport"], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "BankStore", "ReasoningBank", "Environments", "OfflineModels"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
