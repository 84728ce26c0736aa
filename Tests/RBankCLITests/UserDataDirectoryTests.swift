import Foundation
import Testing

@testable import RBankCLI

@Suite("The user data directory and the REPL's history settings")
struct UserDataDirectoryTests {
    private func load(_ environment: [String: String], flags: [String: String] = [:]) throws -> (Configuration, ConfigTestFolder) {
        let folder = try ConfigTestFolder()
        return (try Configuration.load(flags: flags, environment: environment, workingDirectory: folder.url), folder)
    }

    @Test("XDG_DATA_HOME when absolute, else ~/.local/share, else ./data; the history file lives there by default")
    func dataDirectory() throws {
        var (configuration, _) = try load(["XDG_DATA_HOME": "/xdg/data", "HOME": "/home/ada"])
        #expect(configuration.userDataDirectory.path == "/xdg/data/rbank")
        #expect(configuration.replHistoryFile.path == "/xdg/data/rbank/repl_history")

        (configuration, _) = try load(["XDG_DATA_HOME": "relative/ignored", "HOME": "/home/ada"])
        #expect(configuration.userDataDirectory.path == "/home/ada/.local/share/rbank")

        let folder: ConfigTestFolder
        (configuration, folder) = try load([:])
        #expect(configuration.userDataDirectory.path == folder.url.appending(path: "data").standardizedFileURL.path)
        let entry = try #require(configuration.report().first { $0.name == "REPL_HISTORY_FILE" })
        #expect(entry.value == configuration.replHistoryFile.path)
        #expect(entry.source == .derived("in the user data directory"))
    }

    @Test("REPL_HISTORY_FILE and REPL_HISTORY_SIZE are ordinary variables: resolved, validated, 1000 by default")
    func historySettings() throws {
        var (configuration, folder) = try load(["HOME": "/home/ada", "REPL_HISTORY_FILE": "~/h/history", "REPL_HISTORY_SIZE": "0"])
        #expect(configuration.replHistoryFile.path == "/home/ada/h/history")
        #expect(try configuration.replHistorySize == 0)
        (configuration, folder) = try load(["REPL_HISTORY_FILE": "mine/history"])
        #expect(configuration.replHistoryFile.path == folder.url.appending(path: "mine/history").standardizedFileURL.path)
        #expect(try configuration.replHistorySize == 1000)
        (configuration, _) = try load(["REPL_HISTORY_SIZE": "-1"])
        #expect(throws: ConfigurationError.self) { try configuration.replHistorySize }
        #expect(configuration.problems.contains { $0.description.contains("REPL_HISTORY_SIZE") })
    }
}
