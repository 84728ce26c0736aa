import Foundation
import GRDB
import ReasoningBank
import Testing

@testable import BankStore

/// A fresh folder under the temporary directory, removed by `remove()`.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bankstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `text` to a new file and returns its URL.
    func write(_ name: String, _ text: String) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

enum Fixtures {
    static var root: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
    static var seedBank: URL { root.appendingPathComponent("seed/memory_bank.json") }
    static var seedEmbeddings: URL { root.appendingPathComponent("seed/embeddings.json") }
    static var officialBank: URL { root.appendingPathComponent("official/shopping.jsonl") }
    static var officialEmbeddings: URL { root.appendingPathComponent("official/shopping_embeddings.jsonl") }

    static func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// The file parsed by Foundation (`[String: Any]`, `[Any]`, `String`, `NSNumber`, `NSNull`).
    static func json(_ url: URL) throws -> Any { try JSONText.parse(try Data(contentsOf: url)) }

    /// The lines of a JSONL file, each parsed as an object.
    static func jsonLines(_ url: URL) throws -> [[String: Any]] {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return try text.split(separator: "\n").map { line in
            try #require(try JSONText.parse(Data(line.utf8)) as? [String: Any])
        }
    }

    /// The same file as an `NSObject`, for `==` (numbers compared by value).
    static func foundationJSON(_ url: URL) throws -> NSObject {
        try JSONSerialization.jsonObject(with: try Data(contentsOf: url), options: [.fragmentsAllowed]) as! NSObject
    }

    /// Whether `exported` means the same JSON as `source`, types included: booleans stay booleans,
    /// strings stay strings, integers stay integers of the same value, and every other number has the
    /// same `Double` value (a whole one may be written as an integer, as Foundation writes `1.0` as `1`).
    static func sameJSON(_ exported: Any, _ source: Any) -> Bool {
        if JSONText.isNull(source) { return JSONText.isNull(exported) }
        if let flag = JSONText.bool(source) { return JSONText.bool(exported) == flag }
        if let number = JSONText.number(source) {
            guard let other = JSONText.number(exported) else { return false }
            if JSONText.isInteger(source) { return JSONText.isInteger(exported) && other.stringValue == number.stringValue }
            return JSONText.double(other) == JSONText.double(number)
        }
        if let string = source as? String { return exported as? String == string }
        if let array = source as? [Any] {
            guard let other = exported as? [Any], other.count == array.count else { return false }
            return zip(other, array).allSatisfy { sameJSON($0, $1) }
        }
        if let object = source as? [String: Any] {
            guard let other = exported as? [String: Any], Set(other.keys) == Set(object.keys) else { return false }
            return object.allSatisfy { key, value in sameJSON(other[key]!, value) }
        }
        return false
    }
}

/// Sample engine values with times and floats that survive storage exactly.
enum Samples {
    static let created = Date(timeIntervalSince1970: 1_760_000_000.5)

    static func item(_ id: String, _ title: String, experienceID: String, verdict: VerdictStatus? = .success) -> MemoryItem {
        MemoryItem(
            id: id, title: title, description: "When to use \(title.lowercased()).",
            content: "Do the \(title.lowercased()) thing — über carefully; 日本語 too.",
            provenance: Provenance(
                experienceID: experienceID, runID: "r-00000000aaaa", taskID: "shop-1", query: "find the cheapest mouse",
                verdict: verdict, source: .extracted, createdAt: created.addingTimeInterval(2)))
    }

    static func experience(
        id: String = "x-000000000001", itemIDs: [String] = ["m-aaaa11112222", "m-aaaa33334444"],
        runID: String? = "r-00000000aaaa", outcome: VerdictStatus? = .success
    ) -> Experience {
        Experience(
            id: id, taskID: "shop-1", query: "find the cheapest mouse ✓",
            queryEmbedding: [0.1, -3.4028235e38, .leastNonzeroMagnitude, Float.pi, 0, -0.5],
            embeddingModel: "hashing-256", outcome: outcome, runID: runID, memoryMode: .reasoningbank,
            items: itemIDs.enumerated().map { item($1, "Strategy \($0 + 1)", experienceID: id) },
            createdAt: created,
            trajectoryText: "<think>look</think>\n<action>click('1')</action>\n<observation>ok</observation>")
    }

    static func call(_ text: String, input: Int, output: Int) -> ModelCall {
        ModelCall(
            request: ModelRequest(
                purpose: .agent, system: "You are a shopping agent.", messages: [ChatMessage(role: .user, content: text)],
                temperature: 0.7, maxTokens: 256),
            response: "Thought: \(text)\nAction: click('1')", usage: Usage(inputTokens: input, outputTokens: output, calls: 1),
            latencyMilliseconds: 12.5, model: "sim-1")
    }

    static func run(
        id: String = "r-00000000aaaa", status: RunStatus = .success, steps: Int = 3, hitItems: [String] = [],
        injected: [String] = [], started: Double = 1_760_000_100
    ) -> RunRecord {
        var run = RunRecord(
            id: id, task: TaskSpec(id: "shop-1", query: "find the cheapest mouse", environment: "shop", family: "cheapest"),
            model: ModelDescriptor(provider: "offline", model: "sim-1", isSimulation: true), embedder: "hashing-256",
            memoryMode: .reasoningbank, settings: LoopSettings(),
            promptSet: PromptSetInfo(name: "paper", location: "data/prompts/paper", fileHashes: ["agent.md": "ab12"]),
            startedAt: Date(timeIntervalSince1970: started))
        run.status = status
        run.finishedAt = Date(timeIntervalSince1970: started + 30)
        run.trajectory = Trajectory(
            steps: (1...max(1, steps)).prefix(steps).map { index in
                Step(
                    index: index, thought: "thought \(index)", action: "click('\(index)')", observation: "page \(index)",
                    call: call("step \(index)", input: 100 * index, output: 10 * index))
            }, finalAnswer: "$8.99", finalState: "Electronics › Mice")
        if !hitItems.isEmpty {
            run.retrieval = RetrievalLog(
                hits: [
                    RetrievalHit(experienceID: "x-000000000001", taskID: "shop-1", query: "find the cheapest mouse ✓",
                        score: 0.8125, itemIDs: hitItems)
                ], injectedItemIDs: injected, excludedByLeakageGuard: ["x-0000000000ff"])
        }
        run.verdict = Verdict(status: status == .success ? .success : .failure, thoughts: "ok", rawResponse: "Status: success")
        run.experienceID = "x-000000000001"
        return run
    }
}

extension Bank {
    /// Row counts of every table, for "unchanged" checks.
    func rowCounts() throws -> [String: Int] {
        try writer.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            var counts: [String: Int] = [:]
            for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0 }
            return counts
        }
    }
}

/// The error `body` throws, as text; nil when it does not throw.
func errorText(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return String(describing: error)
    }
}
