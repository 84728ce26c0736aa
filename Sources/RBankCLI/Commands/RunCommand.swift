import ArgumentParser
import Foundation
import LineREPL
import Logging
import ReasoningBank

/// `rbank run`: one task, an ad-hoc query, or a whole suite, through the closed loop.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the closed loop: retrieve, act, judge, extract, consolidate.",
        discussion: """
            Give a QUERY, or --task ID for a task of the environment's suite, or --all for the whole suite in order.
            Ctrl-C cancels the running task; it is recorded as cancelled.
            With --step the run stops at every gate, shows what is about to happen and asks what to do.
            """)

    @Argument(help: "An ad-hoc task for the agent (no ground truth).")
    var query: String?

    @Option(name: .customLong("task"), help: "A task id from the environment's suite, e.g. qa-001.")
    var taskID: String?

    @Flag(help: "Run every task of the suite, in order.")
    var all = false

    @Option(help: "With --all: how many times to run the suite (the bank keeps growing).")
    var passes = 1

    @Option(name: .customLong("env"), help: "The environment: qa, shop, or exec:'COMMAND' (an external one, docs/environment-protocol.md).")
    var environmentName = "qa"

    @Flag(help: "Print JSON: one object for one run, one object per line with --all.")
    var json = false

    @Flag(name: .customLong("jsonl"), help: "Print JSON lines: every event of every run as it happens; the last line of a run is its report.")
    var jsonLines = false

    @Flag(help: "Step mode: stop at every gate, show what is about to happen, and ask what to do.")
    var step = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        let chosen = [query != nil, taskID != nil, all].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("Give exactly one of QUERY, --task ID or --all.") }
        guard passes >= 1 else { throw ValidationError("--passes must be at least 1.") }
        guard !(json && jsonLines) else { throw ValidationError("Give --json or --jsonl, not both.") }
    }

    func run() async throws {
        let configuration = try global.configuration()
        _ = try? LoggingBootstrap.install(configuration: configuration)
        let workbench = try Workbench.open(configuration)
        defer { try? workbench.bank.close() }
        let seed: UInt64
        do { seed = try configuration.offlineSeed } catch { throw CLIError(error.description) }
        let environment = try await workbench.environment(named: environmentName, seed: seed)
        let tasks = try await selectTasks(environment)
        if !json && !jsonLines { print(banner(workbench)) }
        let loop = workbench.loop(environment: environment, control: step ? stepControl() : UnattendedControl())
        let summaries = try await SignalCancellation.run {
            var summaries: [PassSummary] = []
            passes: for pass in 1...passes {
                var summary = PassSummary(pass: pass, pricesFile: configuration.pricesFile)
                for task in tasks {
                    let record = try await runOne(task, loop: loop, verbose: !all, pricesFile: configuration.pricesFile)
                    summary.add(record)
                    if Task.isCancelled || record.status == .cancelled {
                        summaries.append(summary)
                        break passes
                    }
                }
                summaries.append(summary)
                if all && !json && !jsonLines { print(summary.line) }
            }
            return summaries
        }
        if all && !json && !jsonLines && summaries.count > 1 { print(PassSummary.chart(summaries)) }
        // Interrupted: a run was cancelled, or the signal came between runs and the suite stopped short.
        let interrupted = summaries.contains { $0.cancelled > 0 }
            || summaries.reduce(0) { $0 + $1.runs } < passes * tasks.count
        if interrupted {
            FileHandle.standardError.write(Data("Cancelled: the suite stopped; a run in progress is recorded as cancelled.\n".utf8))
            throw ExitCode(130)
        }
        // One run that broke on infrastructure is a failed command; a suite reports its errors in the summary.
        if !all, summaries.last?.errors ?? 0 > 0 { throw ExitCode.failure }
    }

    private func selectTasks(_ environment: any Environment) async throws -> [TaskSpec] {
        if let query { return [TaskSpec(id: "adhoc-\(Identifier.make(prefix: "t").dropFirst(2))", query: query, environment: environment.name)] }
        let suite = try await environment.tasks()
        if all { return suite }
        guard let task = suite.first(where: { $0.id == taskID }) else {
            let sample = suite.prefix(5).map(\.id).joined(separator: ", ")
            throw CLIError("No task \"\(taskID ?? "")\" in the \(environment.name) suite. Task ids look like: \(sample)…")
        }
        return [task]
    }

    private func runOne(_ task: TaskSpec, loop: ClosedLoop, verbose: Bool, pricesFile: URL) async throws -> RunRecord {
        let printer = RunPrinter(pricesFile: pricesFile) { print($0) }
        let streamEvents = !json && !jsonLines && verbose
        let jsonLines = self.jsonLines
        let record = try await loop.run(task) { event in
            if streamEvents { printer.print(event) }
            if jsonLines, let line = RunEventLine(event) { print((try? line.json()) ?? #"{"event":"unencodable"}"#) }
        }
        let logger = Logger(label: "rbank.run")
        logger.info(
            "run finished",
            metadata: [
                "run": "\(record.id)", "task": "\(task.id)", "status": "\(record.status.rawValue)",
                "model": "\(record.model.displayName)", "steps": "\(record.trajectory.steps.count)",
                "tokens": "\(record.usage.totalTokens)", "stored": "\(record.storedItemIDs.count)",
            ])
        if let message = record.errorMessage, record.status == .error {
            logger.error("run failed", metadata: ["run": "\(record.id)", "error": "\(message)"])
        }
        if json {
            print(try all ? RunReport(record).compactJSON() : RunReport(record).json())
        } else if !verbose && !jsonLines {
            print(PassSummary.line(for: record))
            // A suite line is short; an infrastructure failure still says what broke and what to do.
            if record.status == .error, let message = record.errorMessage { print("  ✗ \(message)") }
        }
        return record
    }

    /// Step mode's control: it asks through the REPL's input when the command runs in the REPL, else on
    /// standard input. Its text goes to standard error when standard output is JSON.
    private func stepControl() -> TerminalGateControl {
        let toStandardError = json || jsonLines
        let input = LineInput.current ?? PlainLineSource(prompts: isatty(STDIN_FILENO) == 1 ? .shown : .hidden)
        return TerminalGateControl(input: input) { text in
            if toStandardError { FileHandle.standardError.write(Data((text + "\n").utf8)) } else { print(text) }
        }
    }

    private func banner(_ workbench: Workbench) -> String {
        let model = workbench.models.agent.descriptor
        var lines = [
            "rbank · model \(model.displayName) · embedder \(workbench.embedder.name) · env \(environmentName) · bank \(workbench.configuration.memoryBankPath.path) · prompts \(workbench.prompts.info.name)"
        ]
        if model.isSimulation { lines.append(OfflineLabel.banner) }
        return lines.joined(separator: "\n")
    }
}
