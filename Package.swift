// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "smarthub-sim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "smarthub-sim", targets: ["smarthub-sim"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .executableTarget(name: "ResourceEmbedder"),
        // Hummingbird alone, serving a file's bytes: the benchmark's measure of the HTTP stack's ceiling.
        .executableTarget(
            name: "hummingbird-floor",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["ResourceEmbedder"]),
        .target(name: "SimResources", plugins: ["EmbedResources"]),
        .target(
            name: "SimCore",
            dependencies: [.product(name: "HeapModule", package: "swift-collections")]
        ),
        .target(
            name: "SimSeed",
            dependencies: ["SimCore", "SimResources", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "SimPush",
            dependencies: [
                "SimCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "SimReplay",
            dependencies: [
                "SimCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "SimStore",
            dependencies: ["SimCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "SimHTTP",
            dependencies: [
                "SimCore",
                "SimSeed",
                "SimPush",
                "SimStore",
                "SimResources",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "smarthub-sim",
            dependencies: [
                "SimCore",
                "SimSeed",
                "SimHTTP",
                "SimStore",
                "SimReplay",
                "SimPush",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SimTestSupport",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore"]),
        .testTarget(name: "SimSeedTests", dependencies: ["SimSeed", "SimCore"]),
        .testTarget(name: "SimReplayTests", dependencies: ["SimReplay"]),
        .testTarget(name: "SmarthubSimTests", dependencies: ["smarthub-sim"]),
        .testTarget(
            name: "SimStoreTests", dependencies: ["SimStore", "SimCore", .product(name: "GRDB", package: "GRDB.swift")],
            // Data folders written by earlier store formats, opened by the tests from their path.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SimPushTests",
            dependencies: [
                "SimPush",
                "SimCore",
                "SimTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "SimHTTPTests",
            dependencies: [
                "SimHTTP",
                "SimCore",
                "SimSeed",
                "SimPush",
                "SimStore",
                "SimTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
