import Foundation
import ReasoningBank
import Synchronization
import Testing

@testable import RBankCLI

@Suite("Cost display")
struct CostFormatterTests {
    static let offline = ModelDescriptor(provider: "offline", model: "sim-1", isSimulation: true)
    static let gpt = ModelDescriptor(provider: "openai", model: "gpt-9", isSimulation: false)
    static let prices = URL(fileURLWithPath: "/somewhere/data/prices.toml")

    @Test("the offline simulation costs $0 and says so, whatever its usage")
    func offline() {
        #expect(CostFormatter.text(Usage(inputTokens: 500, calls: 3), model: Self.offline, pricesFile: nil) == "$0 (offline simulation)")
        #expect(CostFormatter.text(Usage(), model: Self.offline, pricesFile: Self.prices) == "$0 (offline simulation)")
    }

    @Test(
        "a fully priced cost: 4 decimals below $1, 2 from $1 up",
        arguments: [
            (0.0123, "$0.0123"), (0.01234567, "$0.0123"), (0.5, "$0.5000"), (0.99994, "$0.9999"), (0.99996, "$1.00"),
            (1, "$1.00"), (12.345, "$12.35"), (1234.5, "$1234.50"), (0, "$0"), (0.00004, "<$0.0001"), (0.00005, "$0.0001"),
        ])
    func fullyPriced(dollars: Double, expected: String) {
        let usage = Usage(inputTokens: 1_000, outputTokens: 10, calls: 2, costUSD: dollars)
        #expect(CostFormatter.text(usage, model: Self.gpt, pricesFile: Self.prices) == expected)
    }

    @Test("a partly priced cost counts the unpriced calls")
    func partlyPriced() {
        let three = Usage(calls: 10, costUSD: 0.0123, unpricedCalls: 3)
        #expect(CostFormatter.text(three, model: Self.gpt, pricesFile: Self.prices) == "$0.0123 + 3 unpriced calls")
        let one = Usage(calls: 2, costUSD: 2.5, unpricedCalls: 1)
        #expect(CostFormatter.text(one, model: Self.gpt, pricesFile: Self.prices) == "$2.50 + 1 unpriced call")
        let freeAndUnpriced = Usage(calls: 2, costUSD: 0, unpricedCalls: 1)
        #expect(CostFormatter.text(freeAndUnpriced, model: Self.gpt, pricesFile: nil) == "$0 + 1 unpriced call")
    }

    @Test("a run summary read back from the bank (cost and unpriced calls, no call count) is partly priced")
    func summaryWithoutCalls() {
        let summary = Usage(inputTokens: 900, outputTokens: 90, costUSD: 0.02, unpricedCalls: 2)
        #expect(CostFormatter.text(summary, model: Self.gpt, pricesFile: nil) == "$0.0200 + 2 unpriced calls")
    }

    @Test("nothing priced: unknown, naming the model and the price file when they are known")
    func nothingPriced() {
        let usage = Usage(inputTokens: 100, outputTokens: 10, calls: 4, unpricedCalls: 4)
        #expect(
            CostFormatter.text(usage, model: Self.gpt, pricesFile: Self.prices)
                == "unknown (no price for openai/gpt-9 in prices.toml)")
        #expect(CostFormatter.text(usage, model: nil, pricesFile: Self.prices) == "unknown (no price in prices.toml)")
        #expect(
            CostFormatter.text(usage, model: Self.gpt, pricesFile: nil) == "unknown (no price for openai/gpt-9 in the price table)")
    }

    @Test("the run's last line carries its cost")
    func runPrinterLine() throws {
        let lines = LineCollector()
        let printer = RunPrinter(pricesFile: Self.prices) { lines.append($0) }
        var record = Self.record(model: Self.gpt, usage: Usage(inputTokens: 1_000, outputTokens: 200, calls: 1, costUSD: 0.0042))
        record.status = .success
        printer.print(.finished(record))
        let last = try #require(lines.all.first)
        #expect(last.hasPrefix("■ success · 1 step · 1 model calls · 1200 tokens · cost $0.0042 · "))

        let offline = RunPrinter { lines.append($0) }
        offline.print(.finished(Self.record(model: Self.offline, usage: Usage(inputTokens: 10, calls: 1))))
        #expect(lines.all.last?.contains("· cost $0 (offline simulation) ·") == true)
    }

    @Test("run JSON carries the cost, the unpriced calls and the cache tokens in its usage")
    func runReportUsage() throws {
        let usage = Usage(
            inputTokens: 1_000, outputTokens: 200, calls: 1, cacheReadTokens: 600, cacheWriteTokens: 100, costUSD: 0.5,
            unpricedCalls: 0)
        let json = try RunReport(Self.record(model: Self.gpt, usage: usage)).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let encoded = try #require(object["usage"] as? [String: Any])
        #expect(encoded["cost_usd"] as? Double == 0.5)
        #expect(encoded["unpriced_calls"] as? Int == 0)
        #expect(encoded["cache_read_tokens"] as? Int == 600)
        #expect(encoded["cache_write_tokens"] as? Int == 100)
        #expect(encoded["input_tokens"] as? Int == 1_000)
    }

    @Test("a bench table's cost column, its CSV and its Markdown use the same text")
    func benchCost() throws {
        var result = BenchResult(
            id: "b-test", environment: "qa", model: Self.gpt, embedder: "hashing-384", seed: 1, taskIDs: ["qa-001"],
            modes: [.none], startedAt: Date(timeIntervalSince1970: 0))
        var record = Self.record(model: Self.gpt, usage: Usage(inputTokens: 10, calls: 3, costUSD: 0.25, unpricedCalls: 1))
        record.status = .success
        result.modes[0].outcomes = [BenchTaskOutcome(record)]
        let expected = "$0.2500 + 1 unpriced call"
        #expect(BenchFormatter.rows(result, pricesFile: Self.prices).first?.cost == expected)
        #expect(BenchFormatter.table(result, pricesFile: Self.prices).contains(expected))
        #expect(BenchFormatter.csv(result, pricesFile: Self.prices).contains("," + expected + ","))
        #expect(BenchFormatter.markdown(result, pricesFile: Self.prices).contains("| " + expected + " |"))

        result.model = Self.offline
        #expect(BenchFormatter.table(result).contains("$0 (offline simulation)"))
        result.model = Self.gpt
        result.modes[0].outcomes[0].usage = Usage(calls: 3, unpricedCalls: 3)
        #expect(BenchFormatter.csv(result, pricesFile: Self.prices).contains("unknown (no price for openai/gpt-9 in prices.toml)"))
    }

    @Test("a pass summary totals tokens and cost")
    func passSummary() {
        var summary = PassSummary(pass: 1, pricesFile: Self.prices)
        summary.add(Self.record(model: Self.gpt, usage: Usage(inputTokens: 100, outputTokens: 10, calls: 1, costUSD: 0.001)))
        summary.add(Self.record(model: Self.gpt, usage: Usage(inputTokens: 100, outputTokens: 10, calls: 1, costUSD: 0.002)))
        #expect(summary.line.contains(" · 220 tokens · cost $0.0030"))
        var offline = PassSummary(pass: 2)
        offline.add(Self.record(model: Self.offline, usage: Usage(inputTokens: 5, calls: 1)))
        #expect(offline.line.contains("cost $0 (offline simulation)"))
    }

    /// A finished one-step run whose only call has `usage`.
    static func record(model: ModelDescriptor, usage: Usage) -> RunRecord {
        var record = RunRecord(
            id: "r-cost", task: TaskSpec(id: "qa-001", query: "2+2?", environment: "qa"), model: model,
            embedder: "hashing-384", memoryMode: .none, settings: LoopSettings(),
            promptSet: PromptSetInfo(name: "default", location: "data/prompts/default", fileHashes: [:]),
            startedAt: Date(timeIntervalSince1970: 0))
        let call = ModelCall(
            request: ModelRequest(
                purpose: .agent, system: "s", messages: [ChatMessage(role: .user, content: "2+2?")], temperature: 0.7,
                maxTokens: 64),
            response: "Action: answer[4]", usage: usage, latencyMilliseconds: 1, model: model.model)
        record.trajectory = Trajectory(
            steps: [Step(index: 1, thought: "add", action: "answer[4]", observation: "done", call: call)], finalAnswer: "4")
        record.finishedAt = Date(timeIntervalSince1970: 2)
        return record
    }
}

/// Lines written by a `RunPrinter`, collected across its `@Sendable` closure.
private final class LineCollector: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
