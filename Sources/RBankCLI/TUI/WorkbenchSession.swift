import Foundation
import ReasoningBank
import TerminalUI

/// One workbench session: the ncurses backend, the runtime driving `WorkbenchProgram`, and the host that
/// performs its effects. All terminal work happens on the main actor.
enum WorkbenchSession {
    @MainActor
    static func present(
        workbench: Workbench, environment: any Environment, theme: Theme, stepMode: Bool, pricesFile: URL,
        notice: String?
    ) async throws {
        let backend = NCursesBackend()
        let placeholder = HeaderInfo(
            model: workbench.models.agent.descriptor, embedder: workbench.embedder.name,
            bank: WorkbenchHost.shortPath(workbench.configuration.memoryBankPath), environment: environment.name,
            themeName: theme.name)
        let state = AppState(header: placeholder, size: backend.size, environment: environment.name, stepMode: stepMode)
        let runtime = TerminalRuntime<WorkbenchProgram>(backend: backend, theme: theme, state: state)
        let host = WorkbenchHost(
            workbench: workbench, environment: environment, stepMode: stepMode, pricesFile: pricesFile,
            send: { runtime.send($0) },
            suspendTerminal: { body in await runtime.withSuspendedTerminal { await body() } })
        var header = await host.header()
        header.themeName = theme.name
        runtime.send(.headerChanged(header))
        if let notice { runtime.send(.notice(notice)) }
        for effect: AppEffect in [.loadTasks, .loadItems(query: "", semantic: false, includeArchived: false), .loadRuns] {
            Task { await host.perform(effect) }
        }
        _ = try await runtime.run { effect in await host.perform(effect) }
        await host.perform(.quit)
    }
}
