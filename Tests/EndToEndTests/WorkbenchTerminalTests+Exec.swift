import Foundation
import Testing
import TestSupport

/// The workbench on an external environment (`--env exec:…`), like a built-in one.
extension WorkbenchTerminalTests {
    @Test("the workbench runs an exec environment: its tasks in the picker, a run to its end, the bank records it")
    func execEnvironment() async throws {
        let workspace = try await Workspace()
        defer { workspace.folder.remove() }
        let tmux = try workspace.start(["--env", "exec:python3 adapters/skeleton.py"], width: 120, height: 40)
        defer { tmux.kill() }
        let screen = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<String, any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try tmux.waitFor("Offline simulation", timeout: 30)
                    try tmux.sendKeys("r")
                    let picker = try tmux.waitFor("Run a task")
                    guard picker.contains("t1"), picker.contains("t2") else { return "picker without the skeleton's tasks:\n" + picker }
                    try tmux.sendKeys("Enter")
                    return try tmux.waitUntil("the run's end", timeout: 60) { $0.contains("ended:") }
                })
            }
        }
        #expect(screen.contains("env skeleton"), "\(screen)")
        #expect(screen.contains("t1"))
        #expect(screen.contains("ended: failure") || screen.contains("ended: success"), "\(screen)")
        let runner = BinaryRunner(workingDirectory: ProjectFiles.root, environment: ["LOG_FILE": workspace.folder.path("cli.log").path])
        let stats = try await runner.run(["bank", "stats", "--bank", workspace.bank.path])
        #expect(stats.stdout.split(separator: "\n").first { $0.hasPrefix("runs") }?.contains("1 (") == true, "\(stats.stdout)")
    }
}
