// swift-tools-version: 6.1
// Fuzz targets of CareMatch (libFuzzer + AddressSanitizer/LeakSanitizer), a nested package so that
// the sanitizer flags stay out of the library's build and out of `swift test`.
// Build and run from the top level: `make fuzz` (see docs/fuzzing.md). By hand, from this folder:
//   swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address
//   .build/release/FuzzCSV Corpus/FuzzCSV -dict=Dictionaries/csv.dict -max_total_time=60
import PackageDescription

/// Each target is a libFuzzer entry point (`LLVMFuzzerTestOneInput`) without a `main`:
/// libFuzzer's own `main` is linked in by `-sanitize=fuzzer`. `-Xswiftc -sanitize=fuzzer,address` is
/// needed on top of `--sanitize`: swiftc keeps only the last `-sanitize=` flag (see Fuzz/fuzz.sh).
let fuzzerSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "CareMatchFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "CareMatch", path: ".."),
    ],
    targets: [
        // Shared by the fuzzers: where the bundled datasets are, a scratch copy of one, traps that
        // name the broken property.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "CareMatch", package: "CareMatch")],
            path: "Sources/FuzzSupport"
        ),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["FuzzSupport", .product(name: "CareMatch", package: "CareMatch")],
            path: "Sources/FuzzCSV",
            swiftSettings: fuzzerSettings
        ),
        .executableTarget(
            name: "FuzzDataset",
            dependencies: ["FuzzSupport", .product(name: "CareMatch", package: "CareMatch")],
            path: "Sources/FuzzDataset",
            swiftSettings: fuzzerSettings
        ),
        .executableTarget(
            name: "FuzzScenarios",
            dependencies: ["FuzzSupport", .product(name: "CareMatch", package: "CareMatch")],
            path: "Sources/FuzzScenarios",
            swiftSettings: fuzzerSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
