import ArgumentParser
import BankStore
import Foundation
import ReasoningBank

/// `rbank bench`: the paper's comparison table for any environment and model.
struct BenchCommand: AsyncParsableCommand {
    enum Format: String, EnumerableFlag {
        case json, csv, markdown
    }

    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the suite once per memory mode, each with a fresh bank, and compare them.",
        discussion: """
            Tasks stream in order (as in the paper); modes run side by side. Prints per mode the success rate \
            and average steps by the ground truth, the judge's accuracy against it, tokens and cost, and draws \
            the learning curve. The result is saved in the bank's history: --list shows saved benches, \
            --show ID prints one again.
            """)

    @Option(name: .customLong("env"), help: "The environment: qa, shop, or exec:'COMMAND' (an external one, docs/environment-protocol.md).")
    var environmentName = "qa"

    @Option(
        help: """
            Comma-separated modes: the memory modes none, reasoningbank, synapse, awm, and the MaTTS modes \
            matts-parallel and matts-sequential (ReasoningBank memory, scaled by each --k).
            """)
    var modes = "none,reasoningbank,synapse,awm"

    @Option(help: "Comma-separated scaling factors for the MaTTS modes, e.g. 1,3,5.")
    var k = "3"

    @Option(help: "Run only the first N tasks of the suite.")
    var limit: Int?

    @Flag(exclusivity: .exclusive, help: "Output format (default: a table and the learning curve).")
    var format: Format?

    @Flag(help: "List the benches saved in the bank.")
    var list = false

    @Option(help: "Print a saved bench again (id or unique prefix).")
    var show: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        _ = try parsedArms()
    }

    /// The arms `--modes` and `--k` name, in order: each memory mode once, each MaTTS mode once per k.
    func parsedArms() throws -> [BenchArm] {
        let names = modes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let factors = try parsedFactors()
        var parsed: [BenchArm] = []
        for name in names where !name.isEmpty {
            if let mode = MemoryMode(rawValue: name) {
                parsed.append(BenchArm(mode: mode))
            } else if let scaling = ScalingMode.allCases.first(where: { $0.benchName == name }) {
                parsed += factors.map { BenchArm(mode: .reasoningbank, scaling: BenchScaling(mode: scaling, k: $0)) }
            } else {
                let known = MemoryMode.allCases.map(\.rawValue) + ScalingMode.allCases.map(\.benchName)
                throw ValidationError("Unknown mode \"\(name)\". Use: \(known.joined(separator: ", ")).")
            }
        }
        var unique: [BenchArm] = []
        for arm in parsed where !unique.contains(arm) { unique.append(arm) }
        guard !unique.isEmpty else { throw ValidationError("--modes names no mode.") }
        return unique
    }

    private func parsedFactors() throws -> [Int] {
        var factors: [Int] = []
        for part in k.split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let value = Int(text), (1...MaTTSCommand.maxK).contains(value) else {
                throw ValidationError("--k takes scaling factors from 1 to \(MaTTSCommand.maxK), comma-separated (e.g. 1,3,5); \"\(text)\" is not one.")
            }
            if !factors.contains(value) { factors.append(value) }
        }
        guard !factors.isEmpty else { throw ValidationError("--k names no scaling factor.") }
        return factors
    }

    func run() async throws {
        let configuration = try global.configuration()
        _ = try? LoggingBootstrap.install(configuration: configuration)
        if list || show != nil { return try reopen(configuration) }
        let workbench = try Workbench.open(configuration)
        defer { try? workbench.bank.close() }
        let seed: UInt64
        do { seed = try configuration.offlineSeed } catch { throw CLIError(error.description) }
        let environment = try await workbench.environment(named: environmentName, seed: seed)
        let suite = try await environment.tasks()
        let tasks = limit.map { Array(suite.prefix($0)) } ?? suite
        let result = BenchResult(
            environment: environment.name, model: workbench.models.agent.descriptor, embedder: workbench.embedder.name,
            seed: seed, taskIDs: tasks.map(\.id), arms: try parsedArms(), startedAt: Date())
        var configured = BenchRunner(
            models: workbench.models, embedder: workbench.embedder, environment: environment, prompts: workbench.prompts,
            settings: workbench.settings
        ) { _ in try Bank.inMemory() }
        configured.scalingMaxItems = workbench.scalingItems
        let runner = configured
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let finished = try await SignalCancellation.run {
            try await runner.run(tasks, into: result) { progress in
                bar.update(
                    completed: progress.completed, total: progress.total,
                    label: "\(progress.label) \(progress.record.task.id)")
            }
        }
        bar.finish()
        do { try workbench.bank.record(bench: finished) } catch { throw CLIError(String(describing: error)) }
        print(render(finished, pricesFile: configuration.pricesFile))
        if finished.cancelled {
            FileHandle.standardError.write(Data("Cancelled: the partial result is saved as bench \(finished.id).\n".utf8))
            throw ExitCode(130)
        }
    }

    private func reopen(_ configuration: Configuration) throws {
        let bank = try Workbench.openBank(configuration)
        defer { try? bank.close() }
        do {
            if let show {
                guard let result = try bank.bench(id: show) else { throw CLIError("No saved bench \"\(show)\". See rbank bench --list.") }
                return print(render(result, pricesFile: configuration.pricesFile))
            }
            let saved = try bank.benches()
            if saved.isEmpty { return print("No benches saved yet. Run one: rbank bench --env qa") }
            for result in saved {
                let modes = result.modes.map { "\($0.label) \(BenchFormatter.percent($0.successRate))" }
                print("\(result.id)  \(ISO8601DateFormatter().string(from: result.startedAt))  \(result.environment)  \(result.taskIDs.count) tasks  " + modes.joined(separator: " · "))
            }
        } catch let error as BankError { throw CLIError(error.description) }
    }

    private func render(_ result: BenchResult, pricesFile: URL) -> String {
        switch format {
        case .json: (try? JSONOutput.encode(result)) ?? "{}"
        case .csv: BenchFormatter.csv(result, pricesFile: pricesFile)
        case .markdown: BenchFormatter.markdown(result, pricesFile: pricesFile)
        case nil:
            [
                BenchFormatter.table(result, pricesFile: pricesFile), BenchFormatter.scalingTable(result),
                BenchFormatter.learningCurve(result),
            ].filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
    }
}
