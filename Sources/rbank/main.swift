import RBankCLI

// Parse with the shared command tree and run synchronous or asynchronous commands alike.
do {
    var command = try RBank.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommandRunnable {
        try await asyncCommand.runAsync()
    } else {
        try command.run()
    }
} catch {
    RBank.exit(withError: error)
}
