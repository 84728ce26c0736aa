import ArgumentParser
import Foundation
import ReasoningBank

/// `rbank-bench retrieval`: exact top-k over the same unit vectors the NumPy reference ranks.
struct RetrievalBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieval", abstract: "Median seconds per top-k query over DIR/matrix.f32 (see retrieval_reference.py).")

    @Option(help: "Folder with matrix.f32 and queries.f32.") var dir: String
    @Option(help: "Numbers per vector.") var dim = 384
    @Option(help: "Results per query.") var k = 10
    @Option(name: .customLong("repeat"), help: "Passes over the queries.") var passes = 5

    func run() throws {
        let matrixBytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/matrix.f32"))
        let queries = try readFloats(dir + "/queries.f32")
        var index = QueryIndex(model: "bench", dimension: dim)
        let rows = matrixBytes.count / (dim * 4)
        index.reserveCapacity(rows)
        matrixBytes.withUnsafeBytes { raw in
            for row in 0..<rows {
                index.appendUnprepared(
                    key: Int64(row), littleEndianFloats: UnsafeRawBufferPointer(rebasing: raw[(row * dim * 4)..<((row + 1) * dim * 4)]))
            }
        }
        index.finishAppending()
        let queryCount = queries.count / dim
        var times: [Double] = []
        var top: [[Int64]] = []
        var identical = true
        for pass in 0..<max(1, passes) {
            for number in 0..<queryCount {
                let query = Array(queries[(number * dim)..<((number + 1) * dim)])
                let start = now()
                let ranked = index.ranked(query, limit: k)
                times.append(now() - start)
                if pass == 0 {
                    top.append(ranked.map(\.key).sorted())
                    // The 8-bit first pass must give exactly the exhaustive exact ranking.
                    let exact = index.matrix.rankedExactly(query, limit: k)
                    identical = identical && exact.map(\.row) == ranked.map { Int($0.key) } && exact.map(\.score) == ranked.map { Float($0.score) }
                }
            }
        }
        try printJSON(["rows": rows, "k": k, "median_seconds": median(times), "top": top, "identical_to_exhaustive": identical])
    }
}
