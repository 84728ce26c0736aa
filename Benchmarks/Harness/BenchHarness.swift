import ArgumentParser
import Foundation

/// `rbank-bench`: the Swift side of `make bench`. Each subcommand prints one JSON object; the script
/// `Benchmarks/run.sh` runs it beside the NumPy references and prints the ratios.
@main
struct BenchHarness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rbank-bench",
        abstract: "Measurements for make bench (each prints one JSON object).",
        subcommands: [EmbedBench.self, RetrievalBench.self, BankOpenBench.self, EngineStepBench.self])
}

/// Seconds since an arbitrary point, monotonic.
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// The median of `values` (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Prints `object` as one line of JSON.
func printJSON(_ object: [String: Any]) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// Reads a file of little-endian Float32 numbers.
func readFloats(_ path: String) throws -> [Float] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return data.withUnsafeBytes { raw in
        (0..<(raw.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
    }
}
