import ReasoningBank
import Testing

@testable import RBankCLI

@Suite("The palette speaks the CLI's command language")
struct PaletteCommandTests {
    @Test("matts with a task starts a MaTTS run on the Compare screen")
    func mattsStartsScaling() throws {
        guard case .startScaling(let taskID, let mode, let k) = try PaletteCommand.outcome(
            for: "matts sequential --k 4 --task shop-002", bankPath: "/tmp/unused.sqlite")
        else {
            Issue.record("matts did not start a MaTTS run")
            return
        }
        #expect(taskID == "shop-002" && mode == .sequential && k == 4)
    }

    @Test("matts without a task, or with a bad k, is refused with what to type")
    func mattsRefusals() {
        #expect(throws: CLIError.self) { try PaletteCommand.outcome(for: "matts parallel 'a query'", bankPath: "/tmp/x") }
        do {
            _ = try PaletteCommand.outcome(for: "matts parallel --k 99 --task shop-001", bankPath: "/tmp/x")
            Issue.record("k = 99 was accepted")
        } catch {
            #expect(String(describing: error).contains("--k must be between 1 and 16"))
        }
    }

    @Test("run with a task starts a plain run")
    func runStartsRun() throws {
        guard case .startRun(let taskID) = try PaletteCommand.outcome(for: "rbank run --task qa-003", bankPath: "/tmp/x") else {
            Issue.record("run did not start a run")
            return
        }
        #expect(taskID == "qa-003")
    }
}
