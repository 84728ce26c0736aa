import ArgumentParser

/// Lets the executable run any async command of the tree without importing ArgumentParser itself.
public protocol AsyncParsableCommandRunnable {
    mutating func runAsync() async throws
}

extension RunCommand: AsyncParsableCommandRunnable {
    mutating func runAsync() async throws { try await run() }
}
