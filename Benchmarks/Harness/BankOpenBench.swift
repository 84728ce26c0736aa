import ArgumentParser
import BankStore
import Foundation
import OfflineModels
import ReasoningBank

/// `rbank-bench open`: opening a bank and answering the first retrieval, in a fresh process.
struct BankOpenBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Seconds to open a bank and answer its first retrieval (top-1 by query, hashing), in this process.")

    @Option(help: "The bank file (built first with --build COUNT).") var bank: String
    @Option(help: "Build a bank of this many experiences at --bank, then stop.") var build: Int?
    @Flag(help: "Retrieve the old way: load every experience, then rank them.") var loadEverything = false
    @Option(help: "Numbers per query embedding (hashing-N), when building and when retrieving.") var dimension = 384

    func run() async throws {
        if let build {
            try await SyntheticBank.build(at: bank, count: build, dimension: dimension)
            try printJSON(["built": build])
            return
        }
        let query = "How many times does the letter 'q' appear in the word 'quartz-bench'?"
        let retriever = Retriever(settings: RetrievalSettings(), embedder: HashingEmbedder(dimension: dimension))
        let start = now()
        let opened = try Bank(path: bank)
        let result = loadEverything
            ? try await retriever.retrieve(query: query, taskID: "bench-new", from: try await opened.experiences())
            : try await retriever.retrieve(query: query, taskID: "bench-new", from: opened)
        let seconds = now() - start
        // Retrievals after the first, in the same process: the index is in memory, and each reads back the
        // exact vectors of its shortlist and the experiences it returns.
        var next: [Double] = []
        if !loadEverything {
            for number in 0..<21 {
                let started = now()
                _ = try await retriever.retrieve(
                    query: "How many times does the letter '\(number)' appear in the word 'bench-\(number * 7)'?",
                    taskID: "bench-new", from: opened)
                next.append(now() - started)
            }
        }
        try printJSON([
            "seconds": seconds, "hit": result.hits.first?.experienceID ?? "", "score": result.hits.first?.score ?? 0,
            "items": result.items.count, "next_seconds": next.isEmpty ? 0 : next.sorted()[next.count / 2],
        ])
    }
}
