import Foundation
import Testing

@testable import TerminalUI

@Suite("Signals and foreground processes")
@MainActor
struct RuntimeProcessTests {
    @Test("a signal watch runs its handler on the main actor, again after a re-watch, and restores the disposition")
    func signalWatch() async throws {
        // SIGURG's default action is to ignore it, so a broken watch cannot end the test process.
        var before = sigaction()
        sigaction(SIGURG, nil, &before)
        for round in 1...2 {
            let fired = FiredCount()
            let watch = try #require(SignalWatch(signal: SIGURG) { fired.count += 1 })
            try await eventually {
                kill(getpid(), SIGURG)
                return fired.count > 0
            }
            watch.cancel()
            watch.cancel()
            #expect(fired.count > 0, "round \(round)")
        }
        var after = sigaction()
        sigaction(SIGURG, nil, &after)
        #expect(unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self))
    }

    @Test("a signal the process ignores is not watched")
    func ignoredSignal() {
        var previous = sigaction()
        sigaction(SIGURG, nil, &previous)
        signal(SIGURG, SIG_IGN)
        defer { sigaction(SIGURG, &previous, nil) }
        #expect(SignalWatch(signal: SIGURG) {} == nil)
    }

    @Test("a foreground process runs in this process group and reports its exit status or signal")
    func foregroundProcess() async throws {
        let group = getpgrp()
        // Field 5 of /proc/<pid>/stat is the process group.
        let script = "test \"$(cut -d' ' -f5 /proc/$$/stat)\" = \"\(group)\" && exit 3; exit 9"
        #expect(try await ForegroundProcess.run(["/bin/sh", "-c", script]) == 3)
        #expect(try await ForegroundProcess.run(["sh", "-c", "kill -TERM $$"]) == 128 + SIGTERM)
        #expect(try await ForegroundProcess.run(["sh", "-c", "test \"$GREETING\" = hi"], environment: ["GREETING": "hi"]) == 0)
        await #expect(throws: ForegroundProcess.SpawnError.self) {
            _ = try await ForegroundProcess.run(["/no/such/editor", "file.txt"])
        }
        await #expect(throws: ForegroundProcess.SpawnError.self) { _ = try await ForegroundProcess.run([]) }
    }
}

@MainActor
private final class FiredCount {
    var count = 0
}
