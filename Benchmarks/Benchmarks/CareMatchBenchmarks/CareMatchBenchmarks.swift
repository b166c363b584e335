import Benchmark
import CareMatch
import Foundation

/// The bundled Quzhou dataset (scale 1) and generated ones at scale 10, built once in setup.
/// Wall time is measured by the harness; GLPK's own time, simplex iterations and pricing rounds
/// of the same run are reported as custom metrics beside it.
let datasetsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Datasets")

let glpkMilliseconds = BenchmarkMetric.custom("GLPK ms", polarity: .prefersSmaller, useScalingFactor: false)
let simplexIterations = BenchmarkMetric.custom("simplex iterations", polarity: .prefersSmaller, useScalingFactor: false)
let pricingRounds = BenchmarkMetric.custom("pricing rounds", polarity: .prefersSmaller, useScalingFactor: false)
let flowRounds = BenchmarkMetric.custom("flow rounds", polarity: .prefersSmaller, useScalingFactor: false)
let flowMilliseconds = BenchmarkMetric.custom("flow ms", polarity: .prefersSmaller, useScalingFactor: false)
let pricingMilliseconds = BenchmarkMetric.custom("pricing ms", polarity: .prefersSmaller, useScalingFactor: false)
let glpkPairs = BenchmarkMetric.custom("pairs in GLPK's model", polarity: .prefersSmaller, useScalingFactor: false)

/// Measures one proven-optimal pairing solve and reports GLPK's share and the Swift phase.
func measurePairing(_ benchmark: Benchmark, _ d: Dataset) throws {
    benchmark.startMeasurement()
    let s = try PairingSolver.solve(d)
    benchmark.stopMeasurement()
    precondition(s.certificate.proven)
    benchmark.measurement(glpkMilliseconds, Int(s.statistics.glpkSeconds * 1000))
    benchmark.measurement(simplexIterations, s.statistics.simplexIterations)
    benchmark.measurement(pricingRounds, s.statistics.pricingRounds)
    benchmark.measurement(flowRounds, s.statistics.flowRounds)
    benchmark.measurement(flowMilliseconds, Int(s.statistics.flowSeconds * 1000))
    benchmark.measurement(pricingMilliseconds, Int(s.statistics.pricingSeconds * 1000))
    benchmark.measurement(glpkPairs, s.statistics.finalColumns)
}

nonisolated(unsafe) var quzhou: Dataset?

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(120), maxIterations: 5)

    Benchmark("Load Datasets/quzhou") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try DatasetLoader.load(folder: datasetsFolder.appendingPathComponent("quzhou")))
        }
    }

    let pairingMetrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, glpkMilliseconds, simplexIterations,
                                             pricingRounds, flowRounds, flowMilliseconds, pricingMilliseconds, glpkPairs]
    Benchmark("Pairing Datasets/quzhou (proven optimal)",
              configuration: .init(metrics: pairingMetrics, maxDuration: .seconds(300), maxIterations: 5)) { benchmark in
        try measurePairing(benchmark, try DatasetLoader.load(folder: datasetsFolder.appendingPathComponent("quzhou")))
    }

    Benchmark("Pairing generated scale 10 (proven optimal)",
              configuration: .init(metrics: pairingMetrics, maxDuration: .seconds(900), maxIterations: 3)) { benchmark in
        try measurePairing(benchmark, DatasetGenerator(scale: 10, seed: DatasetGenerator.quzhouSeed).generate())
    }

    Benchmark("Allocation Datasets/quzhou (proven optimal, no marginal re-solves)",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident, glpkMilliseconds],
                                   maxDuration: .seconds(120), maxIterations: 5)) { benchmark in
        let d = try DatasetLoader.load(folder: datasetsFolder.appendingPathComponent("quzhou"))
        var options = AllocationOptions()
        options.marginals = false
        benchmark.startMeasurement()
        let a = try AllocationSolver.solve(d, options: options)
        benchmark.stopMeasurement()
        precondition(a.status == .optimal)
        benchmark.measurement(glpkMilliseconds, Int(a.statistics.glpkSeconds * 1000))
    }

    for scale in [10.0, 100.0] {
        Benchmark("Allocation generated scale \(Int(scale)) (proven optimal, no marginal re-solves)",
                  configuration: .init(metrics: [.wallClock, .peakMemoryResident, glpkMilliseconds],
                                       maxDuration: .seconds(300), maxIterations: 3)) { benchmark in
            let d = DatasetGenerator(scale: scale, seed: DatasetGenerator.quzhouSeed).generate()
            var options = AllocationOptions()
            options.marginals = false
            benchmark.startMeasurement()
            let a = try AllocationSolver.solve(d, options: options)
            benchmark.stopMeasurement()
            benchmark.measurement(glpkMilliseconds, Int(a.statistics.glpkSeconds * 1000))
        }
    }

    Benchmark("Generate scale 10") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(DatasetGenerator(scale: 10, seed: DatasetGenerator.quzhouSeed).generate())
        }
    }
}
