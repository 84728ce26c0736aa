import BankStore
import Foundation
import OfflineModels
import ReasoningBank

/// Banks of made-up but realistic experiences for the benches: task-like queries from a few templates
/// with varied fillers, two memory items each, a trajectory of some 1.5 kB, and hashing-384 query embeddings.
enum SyntheticBank {
    static let templates = [
        "How many times does the letter '%@' appear in the word '%@'?",
        "What was the grand total of my order placed on %@ %@, 2024?",
        "Add the '%@ %@' in colour Purple and size M to my cart.",
        "What is the price of the cheapest product in the %@ %@ category?",
        "How many days are there between %@ 3 and %@ 19?",
        "Write the word '%@%@' with its letters in reverse order.",
        "What is the average customer rating of the %@ %@ Pajama Set?",
        "Which comes first in alphabetical order: %@ or %@?",
    ]
    static let words = [
        "strawberry", "Nomad", "Compact", "Echo", "Office", "Supplies", "April", "June", "pineapple", "wool",
        "Garden", "Kitchen", "Travel", "banana", "Orbit", "Summit", "Harbor", "Quartz", "Maple", "Cedar",
    ]

    /// Experience number `number` (deterministic).
    static func experience(_ number: Int, embedder: HashingEmbedder) -> Experience {
        let template = templates[number % templates.count]
        let first = words[(number / 8) % words.count]
        let second = words[(number / 160) % words.count] + "\(number % 997)"
        let query = String(format: template, first, second)
        let created = Date(timeIntervalSince1970: 1_700_000_000 + Double(number))
        let items = (0..<2).map { index in
            MemoryItem(
                id: String(format: "m-%06x%06x", number, index), title: "Strategy \(index) for \(first)",
                description: "When the task is like \(query.prefix(40)), do this.",
                content: "Open the relevant page first, check every option, and only then answer with the exact value.",
                provenance: Provenance(taskID: "bench-\(number)", query: query, verdict: .success, source: .extracted, createdAt: created))
        }
        let trajectory = (0..<6).map { step in
            "<think>Step \(step): look at the page for \(first) and decide.</think><action>click('\(step + 10)')</action>"
                + " The page shows a list of products with prices, ratings and options to choose."
        }.joined(separator: "\n")
        return Experience(
            id: String(format: "x-%012x", number), taskID: "bench-\(number)", query: query,
            queryEmbedding: embedder.vector(for: query), embeddingModel: embedder.name, outcome: .success,
            runID: nil, memoryMode: .reasoningbank, items: items, createdAt: created, trajectoryText: trajectory)
    }

    /// Writes a bank of `count` experiences at `path` (which must not exist yet), in chunks of 5,000, with
    /// hashing query embeddings of `dimension` numbers.
    static func build(at path: String, count: Int, dimension: Int = 384) async throws {
        let bank = try Bank(path: path)
        let embedder = HashingEmbedder(dimension: dimension)
        var start = 0
        while start < count {
            let end = min(start + 5000, count)
            try await bank.consolidate(contentsOf: (start..<end).map { experience($0, embedder: embedder) })
            start = end
        }
        try bank.close()
    }
}
