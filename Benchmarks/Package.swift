// swift-tools-version: 6.1
// Benchmarks of CareMatch, a nested package so that ordo-one/benchmark stays out of the library.
// Run from this folder: `swift package benchmark` (or `make bench` at the top level).
import PackageDescription

let package = Package(
    name: "CareMatchBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "CareMatch", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CareMatchBenchmarks",
            dependencies: [
                .product(name: "CareMatch", package: "CareMatch"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CareMatchBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
