import BankStore
import Foundation
import Logging
import ReasoningBank
import TerminalUI

/// Performs the workbench's effects against the real components — the bank, the closed loop, the
/// embedder, `$EDITOR`, the CLI's command language — and sends the results back to the screen as
/// messages. The screens never touch any of these directly.
actor WorkbenchHost {
    let workbench: Workbench
    let environment: any Environment
    let pricesFile: URL
    private let send: @Sendable (AppMessage) -> Void
    private let suspendTerminal: @Sendable (@escaping @Sendable () async -> String?) async -> String?
    private let control: StepControl
    private var runTask: Task<Void, Never>?
    private var sessionUsage = Usage()
    private var itemVectors: [String: (revision: Int, vector: [Float])] = [:]
    private let logger = Logger(label: "rbank.tui")

    /// `suspendTerminal` runs its body with the screen handed back to the terminal (for `$EDITOR`).
    init(
        workbench: Workbench, environment: any Environment, stepMode: Bool, pricesFile: URL,
        send: @escaping @Sendable (AppMessage) -> Void,
        suspendTerminal: @escaping @Sendable (@escaping @Sendable () async -> String?) async -> String?
    ) {
        self.workbench = workbench
        self.environment = environment
        self.pricesFile = pricesFile
        self.send = send
        self.suspendTerminal = suspendTerminal
        self.control = StepControl(enabled: stepMode) { ticket in send(.gateHeld(ticket)) }
    }

    /// The header for the current session totals.
    func header() -> HeaderInfo {
        let model = workbench.models.agent.descriptor
        return HeaderInfo(
            model: model, embedder: workbench.embedder.name, bank: Self.shortPath(workbench.configuration.memoryBankPath),
            environment: environment.name, usage: sessionUsage,
            costText: CostFormatter.text(sessionUsage, model: model, pricesFile: pricesFile))
    }

    func perform(_ effect: AppEffect) async {
        do {
            try await handle(effect)
        } catch {
            send(.failed(Self.describe(error)))
        }
    }

    // MARK: Effects

    private func handle(_ effect: AppEffect) async throws {
        switch effect {
        case .startRun(let taskID, let stepMode):
            try await startRun(taskID: taskID, stepMode: stepMode)
        case .startScaling(let taskID, let mode, let k):
            try await startScaling(taskID: taskID, mode: mode, k: k)
        case .startMemoryComparison(let taskID):
            try await startMemoryComparison(taskID: taskID)
        case .setStepMode(let on):
            await control.setEnabled(on)
        case .cancelRun:
            runTask?.cancel()
            await control.releaseAll(with: .cancel)
        case .decide(let ticket, let decision):
            await control.resolve(ticket, decision)
        case .loadTasks:
            send(.tasksLoaded(environment: environment.name, try await environment.tasks()))
        case .loadItems(let query, let semantic, let includeArchived):
            try await loadItems(query: query, semantic: semantic, includeArchived: includeArchived)
        case .loadItem(let id):
            let bank = workbench.bank
            guard let item = try bank.item(id: id) else { throw CLIError("No memory item \(id) in the bank.") }
            let revisions = Array(try bank.revisions(of: id).reversed())
            send(.itemLoaded(item, try bank.usage(of: id), revisions))
        case .editItem(let id, let fields):
            let item = try workbench.bank.edit(
                itemID: id, title: fields.title, description: fields.description, content: fields.content,
                note: "edited in the workbench")
            send(.bankChanged("Edited \(item.id): revision \(item.revision)."))
        case .archiveItem(let id):
            let item = try workbench.bank.archive(itemID: id)
            send(.bankChanged("Archived \(item.id) \"\(item.title)\". u undoes."))
        case .restoreItem(let id):
            let item = try workbench.bank.restore(itemID: id)
            send(.bankChanged("Restored \(item.id) \"\(item.title)\"."))
        case .setPinned(let id, let pinned):
            let item = try workbench.bank.setPinned(itemID: id, pinned)
            send(.bankChanged("\(pinned ? "Pinned" : "Unpinned") \(item.id)."))
        case .mergeItems(let ids):
            let item = try workbench.bank.merge(itemIDs: ids)
            send(.bankChanged("Merged \(ids.count) items into \(item.id) \"\(item.title)\"; the sources are archived. u undoes."))
        case .undo:
            guard let result = try workbench.bank.undo() else { return send(.bankChanged("Nothing to undo.")) }
            send(.bankChanged("Undone: " + result.summary))
        case .openEditor(let request):
            let edited = await suspendTerminal { await EditorSession.edit(request.text) }
            send(.editorFinished(request, edited))
        case .loadRuns:
            send(.runsLoaded(try workbench.bank.runs(limit: 500), try workbench.bank.benches()))
        case .openRun(let id):
            guard let record = try workbench.bank.run(id: id) else { throw CLIError("No run \(id) in the bank.") }
            send(.runLoaded(record))
        case .runCommand(let line):
            switch try PaletteCommand.outcome(for: line, bankPath: workbench.configuration.memoryBankPath.path) {
            case .startRun(let taskID):
                let stepMode = await control.isEnabled
                try await startRun(taskID: taskID, stepMode: stepMode)
            case .startScaling(let taskID, let mode, let k):
                try await startScaling(taskID: taskID, mode: mode, k: k)
            case .output(let title, let text, let changedBank):
                send(.commandOutput(title: title, text: text))
                if changedBank { send(.bankChanged("Ran :\(title)")) }
            }
        case .quit:
            runTask?.cancel()
            await control.releaseAll(with: .cancel)
        }
    }

    private func startRun(taskID: String, stepMode: Bool) async throws {
        guard runTask == nil else { throw CLIError("A run is in progress; Esc stops it first.") }
        let task = try await task(taskID)
        await control.setEnabled(stepMode)
        let loop = workbench.loop(environment: environment, control: control)
        let send = self.send
        begin("The run") { try await loop.run(task) { event in send(.engine(event)) } }
    }

    /// Runs `work` as the run in progress; `what` names it when it could not be recorded.
    private func begin(_ what: String, _ work: @escaping @Sendable () async throws -> RunRecord) {
        let send = self.send
        runTask = Task {
            do {
                self.runEnded([try await work()])
            } catch {
                self.runEnded([])
                send(.failed("\(what) could not be recorded: \(Self.describe(error))"))
            }
        }
    }

    /// MaTTS on the task, unattended (its attempts run unattended anyway); its events carry the scaling
    /// log, so the screen shows them on the Compare screen. pass@1 is seeded with `OFFLINE_SEED`.
    private func startScaling(taskID: String, mode: ScalingMode, k: Int) async throws {
        guard runTask == nil else { throw CLIError("A run is in progress; Esc stops it first.") }
        let task = try await task(taskID)
        let seed: UInt64
        do { seed = try workbench.configuration.offlineSeed } catch { throw CLIError(error.description) }
        let matts = workbench.matts(mode, k: k, environment: environment, seed: seed)
        let send = self.send
        begin("The MaTTS run") { try await matts.run(task) { event in send(.engine(event)) } }
    }

    /// The task twice at once, unattended: with memory (the configured mode, or reasoningbank when that
    /// is none) and with memory mode none. Each is a run of its own, recorded as usual; their events
    /// go to the screen tagged with their side.
    private func startMemoryComparison(taskID: String) async throws {
        guard runTask == nil else { throw CLIError("A run is in progress; Esc stops it first.") }
        let task = try await task(taskID)
        let configured = workbench.settings.memoryMode
        let withMemory = loop(memoryMode: configured == .none ? .reasoningbank : configured)
        let withoutMemory = loop(memoryMode: .none)
        let send = self.send
        runTask = Task {
            async let first = Self.run(task, loop: withMemory, side: .withMemory, send: send)
            async let second = Self.run(task, loop: withoutMemory, side: .withoutMemory, send: send)
            let records = await [first, second]
            self.runEnded(records.compactMap { $0 })
        }
    }

    /// An unattended loop over the environment with `memoryMode`.
    private func loop(memoryMode: MemoryMode) -> ClosedLoop {
        var loop = workbench.loop(environment: environment)
        loop.settings.memoryMode = memoryMode
        return loop
    }

    /// One side of a memory comparison; nil (and a message) when its run could not be recorded.
    private static func run(
        _ task: TaskSpec, loop: ClosedLoop, side: MemoryComparisonSide, send: @escaping @Sendable (AppMessage) -> Void
    ) async -> RunRecord? {
        do {
            return try await loop.run(task) { event in send(.memoryComparison(side, event)) }
        } catch {
            send(.failed("The run \(side == .withMemory ? "with" : "without") memory could not be recorded: \(describe(error))"))
            return nil
        }
    }

    /// The task `id` of the environment's suite.
    private func task(_ id: String) async throws -> TaskSpec {
        let tasks = try await environment.tasks()
        guard let task = tasks.first(where: { $0.id == id }) else {
            throw CLIError("No task \(id) in the \(environment.name) suite.")
        }
        return task
    }

    /// The run (or comparison) in progress ended with `records`: add them to the session's totals.
    private func runEnded(_ records: [RunRecord]) {
        runTask = nil
        guard !records.isEmpty else { return }
        for record in records {
            sessionUsage += record.usage
            logger.info("run finished", metadata: ["run": "\(record.id)", "status": "\(record.status.rawValue)"])
        }
        send(.headerChanged(header()))
    }

    private func loadItems(query: String, semantic: Bool, includeArchived: Bool) async throws {
        let bank = workbench.bank
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            return send(.itemsLoaded(try bank.items(includeArchived: includeArchived), scores: [:]))
        }
        guard semantic else {
            return send(.itemsLoaded(try bank.search(trimmed, includeArchived: includeArchived), scores: [:]))
        }
        let items = try bank.items(includeArchived: includeArchived)
        let embedder = workbench.embedder
        var missing: [MemoryItem] = []
        for item in items where itemVectors[item.id]?.revision != item.revision { missing.append(item) }
        if !missing.isEmpty {
            let vectors = try await embedder.embed(missing.map { "\($0.title). \($0.description) \($0.content)" })
            for (item, vector) in zip(missing, vectors) { itemVectors[item.id] = (item.revision, vector) }
        }
        guard let queryVector = try await embedder.embed([trimmed]).first else { return }
        var scores: [String: Double] = [:]
        for item in items {
            guard let vector = itemVectors[item.id]?.vector else { continue }
            scores[item.id] = Similarity.cosine(queryVector, vector)
        }
        let ranked = items.sorted { (scores[$0.id] ?? -1) > (scores[$1.id] ?? -1) }
        send(.itemsLoaded(Array(ranked.prefix(100)), scores: scores))
    }

    // MARK: Helpers

    static func describe(_ error: any Error) -> String {
        if let error = error as? CLIError { return error.description }
        if let error = error as? BankError { return error.description }
        return String(describing: error)
    }

    static func shortPath(_ url: URL) -> String {
        let path = url.path
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        if path.hasPrefix(home + "/") { return "~/" + path.dropFirst(home.count + 1) }
        return path
    }
}
