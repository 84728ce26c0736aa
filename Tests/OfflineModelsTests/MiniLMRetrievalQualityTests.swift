import Foundation
import ReasoningBank
import TestSupport
import Testing
@testable import OfflineModels

/// Retrieval quality on the shipped suites: for each task, the most similar *other* task of the suite by
/// query embedding (top-1, leakage guard as the loop applies it), and whether it is of the same template
/// (QA family, shop template), whose memories transfer. Both figures are printed. Measured: QA 63/64 for
/// all-MiniLM-L6-v2 against 64/64 for hashing, shop 61/64 against 64/64 — the suites' queries are made from
/// templates whose words hashing matches exactly, while MiniLM sometimes prefers a task about the same
/// product of another template. The test holds MiniLM to 90% so that a regression shows.
@Suite("all-MiniLM-L6-v2 retrieval quality")
struct MiniLMRetrievalQualityTests {
    /// (query, template) for every task of `file` in `data/tasks`.
    static func tasks(_ file: String, query: String, template: String) throws -> [(query: String, template: String)] {
        let text = try String(contentsOf: ProjectFiles.path("data/tasks/\(file)"), encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let q = object[query] as? String, let t = object[template] as? String
            else { return nil }
            return (q, t)
        }
    }

    /// How many tasks' nearest other task shares their template.
    static func sameTemplateHits(_ tasks: [(query: String, template: String)], embedder: any Embedder) async throws -> Int {
        let vectors = try await embedder.embed(tasks.map(\.query))
        var index = QueryIndex(model: embedder.name, dimension: embedder.dimension)
        for (row, vector) in vectors.enumerated() { index.append(key: Int64(row), vector: vector) }
        var hits = 0
        for (row, task) in tasks.enumerated() {
            guard let best = index.ranked(vectors[row], limit: 2).first(where: { $0.key != Int64(row) }) else { continue }
            if tasks[Int(best.key)].template == task.template { hits += 1 }
        }
        return hits
    }

    @Test("same-template top-1 on the QA and shop suites, MiniLM against hashing")
    func sameTemplateRate() async throws {
        let miniLM = try MiniLMEmbedder(folder: try PythonReference.miniLMFolder())
        let hashing = HashingEmbedder()
        for (name, tasks) in [
            ("qa", try Self.tasks("qa.jsonl", query: "question", template: "family")),
            ("shop", try Self.tasks("shop.jsonl", query: "query", template: "template")),
        ] {
            #expect(tasks.count >= 64)
            let withMiniLM = try await Self.sameTemplateHits(tasks, embedder: miniLM)
            let withHashing = try await Self.sameTemplateHits(tasks, embedder: hashing)
            print("same-template top-1 on \(name): all-MiniLM-L6-v2 \(withMiniLM)/\(tasks.count), hashing-384 \(withHashing)/\(tasks.count)")
            #expect(withMiniLM * 10 >= tasks.count * 9, "\(name): MiniLM \(withMiniLM), hashing \(withHashing) of \(tasks.count)")
        }
    }
}
