// swift-tools-version: 6.1
// CareMatch — resource matching for the "Three Qu Moms" children's-care alliance, solved with GLPK.
import PackageDescription

let package = Package(
    name: "CareMatch",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GLPK", targets: ["GLPK"]),
        .library(name: "CareMatch", targets: ["CareMatch"]),
        .executable(name: "carematch", targets: ["carematch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Raw bindings to Debian's libglpk-dev (GLPK 5.0). No pkg-config file ships with it.
        .systemLibrary(
            name: "CGLPK",
            path: "Sources/CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // C-only helpers: GLPK's error hook with setjmp/longjmp kept inside C frames,
        // and the terminal hook that forwards GLPK's output to Swift.
        .target(
            name: "CGLPKShim",
            dependencies: ["CGLPK"],
            path: "Sources/CGLPKShim",
            linkerSettings: [.linkedLibrary("glpk")]
        ),
        // The safe Swift wrapper: ownership, 0-based indices, statuses and errors.
        .target(
            name: "GLPK",
            dependencies: [
                "CGLPK", "CGLPKShim",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Raw bindings to Debian's libxlsxwriter-dev (Excel workbooks). No pkg-config needed.
        .systemLibrary(
            name: "CXLSXWriter",
            path: "Sources/CXLSXWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // The safe Swift wrapper over libxlsxwriter: ownership in one class, errors thrown.
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter"]),
        // Domain model, dataset loading and validation, scoring, formulations, plans.
        .target(
            name: "CareMatch",
            dependencies: [
                "GLPK", "XLSXWriter",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            // Release builds skip Swift's dynamic exclusivity checks: the searches behind
            // `alternatives.csv` touch their classes' buffers and heaps millions of times a second,
            // and the checks were about a seventh of their time (Guides/Pairing.md). Debug builds,
            // which the tests run, keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // The command-line tool: parses arguments and calls the library.
        .executableTarget(
            name: "carematch",
            dependencies: [
                "CareMatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter"]),
        .testTarget(
            name: "CareMatchTests",
            dependencies: ["CareMatch", "GLPK"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
