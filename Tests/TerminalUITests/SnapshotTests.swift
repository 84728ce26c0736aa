import Testing

@testable import TerminalUI

@Suite("Render snapshots (Theme.plain)")
struct SnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 50)]

    static let screens: [(name: String, make: @Sendable (Size) -> AppState)] = [
        ("run-idle", Scenario.runIdle),
        ("run-midrun", Scenario.runMidRun),
        ("run-finished", Scenario.runFinished),
        ("gate-injection", Scenario.injectionGate),
        ("gate-model-call", Scenario.modelCallGate),
        ("gate-judging", Scenario.judgingGate),
        ("gate-consolidation", Scenario.consolidationGate),
        ("bank", Scenario.bank),
        ("bank-history", Scenario.bankHistory),
        ("bank-diff", Scenario.bankDiff),
        ("runs", Scenario.runsList),
        ("runs-opened", Scenario.openedRun),
        ("help", Scenario.help),
        ("palette", Scenario.palette),
        ("palette-output", Scenario.paletteOutput),
        ("task-picker", Scenario.taskPicker),
        ("run-cancel-question", Scenario.cancelQuestion),
        ("compare-idle", Scenario.compareIdle),
        ("compare-parallel-midstream", Scenario.compareParallelMidStream),
        ("compare-parallel-finished", Scenario.compareParallelFinished),
        ("compare-sequential", Scenario.compareSequential),
        ("compare-memory", Scenario.compareMemory),
        ("compare-errored-attempt", Scenario.compareErroredAttempt),
    ]

    @Test("every screen at 80×24 and 200×50", arguments: screens.map(\.name))
    func screen(_ name: String) throws {
        let make = try #require(Self.screens.first { $0.name == name }?.make)
        for size in Self.sizes {
            let grid = WorkbenchProgram.render(make(size), size: size, theme: .plain)
            SnapshotAssertion.assert(grid, named: "\(name)-\(size.width)x\(size.height)")
        }
    }

    @Test("below 60×16 only the size message is drawn")
    func tooSmall() {
        let size = Size(width: 40, height: 12)
        let grid = WorkbenchProgram.render(Scenario.runMidRun(size), size: size, theme: .plain)
        SnapshotAssertion.assert(grid, named: "too-small-40x12")
        #expect(grid.text.contains("Terminal too small: 40×12."))
        #expect(grid.text.contains("rbank needs at least 60×16."))
    }

    @Test("the smallest size still shows every screen legibly")
    func minimum() {
        let size = Size(width: 60, height: 16)
        for (name, make) in [
            ("run-midrun", Scenario.runMidRun), ("bank", Scenario.bank), ("runs-opened", Scenario.openedRun),
            ("compare-parallel-finished", Scenario.compareParallelFinished),
        ] {
            SnapshotAssertion.assert(WorkbenchProgram.render(make(size), size: size, theme: .plain), named: "\(name)-60x16")
        }
    }
}
