import Foundation
import ReasoningBank

/// An environment in another process, in any language, spoken to over JSON lines
/// (docs/environment-protocol.md): `--env exec:'COMMAND ARGS…'`.
///
/// Each episode gets a child process of its own (concurrent episodes, e.g. MaTTS parallel
/// trajectories, get one each); a child whose episode ended cleanly is reused for the next one, so a
/// slow start-up is paid once per concurrent episode rather than once per task. A child that exits,
/// stalls past the timeout or writes garbage ends its run as `error` and is never reused.
public struct ProcessEnvironment: Environment {
    /// The shell command that starts the environment.
    public let command: String
    /// The name the environment gave in the handshake.
    public let name: String
    public let actionGuide: String
    let pool: ChannelPool

    /// Starts `command` in `workingDirectory`, shakes hands, and keeps the child for the first episode.
    /// `timeout` bounds each request (the handshake, which includes start-up, gets at least a minute);
    /// `stderrLine` receives the children's
    /// stderr, line by line.
    public static func connect(
        command: String, workingDirectory: URL, timeout: Duration = .seconds(60),
        stderrLine: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> ProcessEnvironment {
        let pool = ChannelPool(
            command: command, workingDirectory: workingDirectory, timeout: timeout, stderrLine: stderrLine)
        let (channel, hello) = try await pool.launch()
        await pool.giveBack(channel)
        return ProcessEnvironment(command: command, name: hello.name, actionGuide: hello.actionGuide, pool: pool)
    }

    public func tasks() async throws -> [TaskSpec] {
        let channel = try await pool.take()
        let result = try await channel.request("tasks", ProtocolMessages.Empty(), as: ProtocolMessages.TasksResult.self)
        await pool.giveBack(channel)
        return result.tasks.map { TaskSpec(id: $0.id, query: $0.query, environment: name) }
    }

    public func makeSession(for task: TaskSpec) async throws -> any EnvironmentSession {
        ProcessSession(task: task, channel: try await pool.take(), pool: pool)
    }

    /// Stops every idle child (children still in an episode stop when their session closes).
    public func shutDown() async { await pool.shutDown() }
}
