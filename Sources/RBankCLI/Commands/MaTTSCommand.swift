import ArgumentParser
import Foundation
import Logging
import ReasoningBank

extension ScalingMode: ExpressibleByArgument {}

/// `rbank matts`: memory-aware test-time scaling of one task (reference §1.8).
struct MaTTSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matts",
        abstract: "Memory-aware test-time scaling: k trajectories of one task (parallel) or k rounds of one (sequential).",
        discussion: """
            parallel: k trajectories run at once, each in its own environment instance, each judged; memory is \
            extracted by self-contrast over all of them (at most 5 items) and a Best-of-N selector (the model) \
            picks the final answer. pass@1 (a seeded random trajectory) is recorded too.
            sequential: one trajectory refined over k rounds with check prompts; every round is kept and judged, \
            memory is extracted from all of them, and the last round's answer is final.
            k = 1 is a plain run. Ctrl-C cancels every trajectory; the run is recorded as cancelled.
            """)

    @Argument(help: "parallel or sequential.")
    var mode: ScalingMode

    @Argument(help: "An ad-hoc task for the agent (no ground truth).")
    var query: String?

    @Option(name: .customLong("task"), help: "A task id from the environment's suite, e.g. shop-001.")
    var taskID: String?

    @Option(help: "The scaling factor: trajectories (parallel) or rounds (sequential), 1 to \(Self.maxK).")
    var k = 3

    @Option(name: .customLong("env"), help: "The environment: qa, shop, or exec:'COMMAND' (an external one, docs/environment-protocol.md).")
    var environmentName = "qa"

    @Flag(help: "Print the run as one JSON object, with every attempt under scaling.")
    var json = false

    @OptionGroup var global: GlobalOptions

    /// More would mostly measure the provider's rate limits.
    static let maxK = 16

    func validate() throws {
        guard (query != nil) != (taskID != nil) else { throw ValidationError("Give exactly one of QUERY or --task ID.") }
        guard (1...Self.maxK).contains(k) else { throw ValidationError("--k must be between 1 and \(Self.maxK), not \(k).") }
    }

    func run() async throws {
        let configuration = try global.configuration()
        _ = try? LoggingBootstrap.install(configuration: configuration)
        let workbench = try Workbench.open(configuration)
        defer { try? workbench.bank.close() }
        guard workbench.settings.memoryMode == .reasoningbank || workbench.settings.memoryMode == .none else {
            throw CLIError(
                "MaTTS extracts ReasoningBank memory: use --memory-mode reasoningbank (or none for MaTTS without memory), "
                    + "not \(workbench.settings.memoryMode.rawValue).")
        }
        let seed: UInt64
        do { seed = try configuration.offlineSeed } catch { throw CLIError(error.description) }
        let environment = try await workbench.environment(named: environmentName, seed: seed)
        let task = try await selectTask(environment)
        let model = workbench.models.agent.descriptor
        if !json {
            print("rbank matts \(mode.rawValue) · k \(k) · model \(model.displayName) · embedder \(workbench.embedder.name) · env \(environmentName) · bank \(configuration.memoryBankPath.path)")
            if model.isSimulation { print(OfflineLabel.banner) }
        }
        let matts = workbench.matts(mode, k: k, environment: environment, seed: seed)
        let printer = RunPrinter(pricesFile: configuration.pricesFile) { print($0) }
        let streamEvents = !json
        let record = try await SignalCancellation.run {
            try await matts.run(task) { event in if streamEvents { printer.print(event) } }
        }
        Logger(label: "rbank.matts").info(
            "matts run finished",
            metadata: [
                "run": "\(record.id)", "task": "\(task.id)", "mode": "\(mode.rawValue)", "k": "\(k)",
                "status": "\(record.status.rawValue)", "chosen": "\(record.scaling?.chosenIndex.map(String.init) ?? "-")",
                "tokens": "\(record.usage.totalTokens)",
            ])
        if json { print(try RunReport(record).json()) }
        if record.status == .cancelled {
            FileHandle.standardError.write(Data("Cancelled: the run is recorded as cancelled.\n".utf8))
            throw ExitCode(130)
        }
        if record.status == .error { throw ExitCode.failure }
    }

    private func selectTask(_ environment: any Environment) async throws -> TaskSpec {
        if let query { return TaskSpec(id: "adhoc-\(Identifier.make(prefix: "t").dropFirst(2))", query: query, environment: environment.name) }
        let suite = try await environment.tasks()
        guard let task = suite.first(where: { $0.id == taskID }) else {
            let sample = suite.prefix(5).map(\.id).joined(separator: ", ")
            throw CLIError("No task \"\(taskID ?? "")\" in the \(environment.name) suite. Task ids look like: \(sample)…")
        }
        return task
    }
}
