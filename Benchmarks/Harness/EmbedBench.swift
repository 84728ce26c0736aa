import ArgumentParser
import Foundation
import OfflineModels

/// `rbank-bench embed`: MiniLM sentences per second, or the vectors of some texts.
struct EmbedBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed", abstract: "Embed a JSON array of texts with all-MiniLM-L6-v2: time it, or write the vectors.")

    @Option(help: "The model folder.") var model = MiniLMEmbedder.defaultFolder
    @Option(help: "A JSON array of strings.") var input: String
    @Option(help: "Write the vectors here as JSON instead of timing.") var output: String?
    @Option(help: "Texts per batch.") var batch = 32
    @Option(name: .customLong("repeat"), help: "Timed passes; the median is reported.") var passes = 5

    func run() throws {
        let texts = try JSONDecoder().decode([String].self, from: Data(contentsOf: URL(fileURLWithPath: input)))
        // What a fresh process pays before its first retrieval with this embedder: load it, embed one query.
        let loadStart = now()
        let embedder = try MiniLMEmbedder(folder: URL(fileURLWithPath: model), batchSize: batch)
        _ = embedder.embedSynchronously([texts.first ?? ""])
        let firstQuery = now() - loadStart
        if let output {
            let vectors = embedder.embedSynchronously(texts)
            try JSONSerialization.data(withJSONObject: vectors.map { $0.map(Double.init) }).write(to: URL(fileURLWithPath: output))
            return
        }
        _ = embedder.embedSynchronously(Array(texts.prefix(batch)))  // warm-up
        var times: [Double] = []
        for _ in 0..<max(1, passes) {
            let start = now()
            _ = embedder.embedSynchronously(texts)
            times.append(now() - start)
        }
        let seconds = median(times)
        try printJSON([
            "sentences": texts.count, "seconds": seconds, "per_second": Double(texts.count) / seconds,
            "first_query_seconds": firstQuery,
        ])
    }
}
