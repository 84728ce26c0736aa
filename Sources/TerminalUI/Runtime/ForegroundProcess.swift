import Dispatch
import Foundation

/// Runs a program on the terminal — `$EDITOR` inside `TerminalRuntime.withSuspendedTerminal` — the way a
/// shell runs a foreground job: in this process's process group (which holds the terminal), with every
/// signal at its default action and none blocked, inheriting standard input, output and error.
///
/// `Foundation.Process` is not suitable for this on Linux: it starts the child in a process group of its
/// own, a background group, so an editor that reads the terminal is stopped (`SIGTTIN`) or fails with
/// `EIO`.
public enum ForegroundProcess {
    /// Why a program could not be started.
    public struct SpawnError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The program, as given.
        public var program: String
        /// The system's reason (`strerror` of the `posix_spawn` error).
        public var reason: String

        public var description: String { "cannot run \(program): \(reason)" }
    }

    /// Runs `arguments` (the first is the program, looked up in `PATH` when it has no slash) and waits
    /// for it without blocking the caller's executor. Returns its exit status, or 128 + the signal that
    /// ended it. `environment` replaces the process environment when given.
    public static func run(_ arguments: [String], environment: [String: String]? = nil) async throws(SpawnError) -> Int32 {
        guard let program = arguments.first, !program.isEmpty else {
            throw SpawnError(program: "", reason: "no program given")
        }
        let pid = try spawn(program: program, arguments: arguments, environment: environment)
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: wait(for: pid))
            }
        }
    }

    private static func spawn(program: String, arguments: [String], environment: [String: String]?) throws(SpawnError) -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        sigdelset(&everySignal, SIGKILL)
        sigdelset(&everySignal, SIGSTOP)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environmentLines.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, program, nil, &attributes, &argv, &envp)
        guard result == 0 else { throw SpawnError(program: program, reason: String(cString: strerror(result))) }
        return pid
    }

    /// Waits for `pid` to end (blocking the calling thread); its exit status, or 128 + its signal.
    private static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return 127 }
        }
        let signal = status & 0x7F
        if signal == 0 { return (status >> 8) & 0xFF }
        return 128 + signal
    }
}
