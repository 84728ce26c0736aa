import Foundation
import Logging
import Synchronization

/// Installs `rbank`'s logging: a ``FileLogHandler`` on `LOG_FILE` at `LOG_LEVEL` when
/// `ENABLE_LOGGING` is true, a no-op handler otherwise. swift-log allows one bootstrap per process,
/// so ``install(configuration:)`` only acts on its first call.
public enum LoggingBootstrap {
    /// A factory of handlers, as `LoggingSystem.bootstrap` takes it.
    public typealias Factory = @Sendable (String) -> any LogHandler

    private static let installed = Mutex(false)

    /// The handler factory the configuration asks for, without installing it (for tests and tools).
    public static func makeFactory(configuration: Configuration) throws(LogSetupError) -> Factory {
        let enabled: Bool
        let level: Logger.Level
        do {
            enabled = try configuration.loggingEnabled
            level = try configuration.logLevel
        } catch {
            throw .configuration(error)
        }
        guard enabled else { return { _ in SwiftLogNoOpLogHandler() } }
        let sink = try LogFileSink(url: configuration.logFile)
        let redactor = configuration.redactor
        return { label in FileLogHandler(label: label, sink: sink, redactor: redactor, logLevel: level) }
    }

    /// Installs the configured handler process-wide. Returns false (and changes nothing) when logging
    /// was already installed by an earlier call.
    @discardableResult
    public static func install(configuration: Configuration) throws(LogSetupError) -> Bool {
        let factory = try makeFactory(configuration: configuration)
        let first = installed.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return false }
        LoggingSystem.bootstrap(factory)
        return true
    }
}
