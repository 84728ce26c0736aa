import Foundation

/// The idle children of a `ProcessEnvironment`, ready for the next episode.
actor ChannelPool {
    let command: String
    let workingDirectory: URL
    let timeout: Duration
    let stderrLine: @Sendable (String) -> Void
    private var idle: [ProcessChannel] = []
    /// How many children were started (for tests and logs).
    private(set) var launched = 0

    init(command: String, workingDirectory: URL, timeout: Duration, stderrLine: @escaping @Sendable (String) -> Void) {
        self.command = command
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.stderrLine = stderrLine
    }

    /// An idle child, or a new one after its handshake.
    func take() async throws -> ProcessChannel {
        if let channel = idle.popLast() { return channel }
        return try await launch().channel
    }

    /// Keeps a child for the next episode, unless it broke.
    func giveBack(_ channel: ProcessChannel) async {
        if await channel.broken { return }
        idle.append(channel)
    }

    /// The least time a new child gets to answer `hello`: start-up (an interpreter, a JVM) can be slow.
    static let startUpAllowance = Duration.seconds(60)

    /// Starts a child and shakes hands with it.
    func launch() async throws -> (channel: ProcessChannel, hello: ProtocolMessages.HelloResult) {
        let channel = try ProcessChannel(
            command: command, workingDirectory: workingDirectory, timeout: timeout, stderrLine: stderrLine)
        launched += 1
        do {
            let hello = try await channel.request(
                "hello", ProtocolMessages.HelloParams(protocolVersion: ProtocolMessages.version, client: "rbank"),
                as: ProtocolMessages.HelloResult.self, timeout: max(timeout, Self.startUpAllowance))
            guard hello.protocolVersion == ProtocolMessages.version else {
                throw ProcessEnvironmentError.protocolMismatch(
                    command: command, theirs: hello.protocolVersion, ours: ProtocolMessages.version)
            }
            return (channel, hello)
        } catch {
            await channel.shutDown()
            throw error
        }
    }

    func shutDown() async {
        let channels = idle
        idle.removeAll()
        for channel in channels { await channel.shutDown() }
    }
}
