import Foundation
import Logging
import Testing

@testable import RBankCLI

@Suite("File logging")
struct FileLogHandlerTests {
    @Test("Lines carry timestamp, level, label, message and sorted metadata; newlines are escaped")
    func format() throws {
        let folder = try ConfigTestFolder()
        let sink = try LogFileSink(url: folder.url.appending(path: "a/b/log.txt"))
        var handler = FileLogHandler(label: "rbank.engine", sink: sink, redactor: SecretRedactor(), logLevel: .info)
        handler[metadataKey: "run"] = "r1"
        let event = LogEvent(
            level: .warning, message: "two\nlines", metadata: ["task": "t9", "alpha": "1"], source: "X",
            file: #file, function: #function, line: #line)
        let line = handler.format(event, at: Date(timeIntervalSince1970: 0))
        #expect(line == "1970-01-01T00:00:00.000Z WARNING [rbank.engine] two\\nlines alpha=1 run=r1 task=t9")
    }

    @Test("The level is honoured and every line is appended")
    func levels() throws {
        let folder = try ConfigTestFolder()
        let url = folder.url.appending(path: "log.txt")
        let sink = try LogFileSink(url: url)
        let logger = Logger(label: "l") { label in
            FileLogHandler(label: label, sink: sink, redactor: SecretRedactor(), logLevel: .notice)
        }
        logger.info("quiet")
        logger.notice("one")
        logger.error("two")
        let again = try LogFileSink(url: url)
        Logger(label: "m") { FileLogHandler(label: $0, sink: again, redactor: SecretRedactor(), logLevel: .trace) }
            .trace("three")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasSuffix("NOTICE [l] one"))
        #expect(lines[1].hasSuffix("ERROR [l] two"))
        #expect(lines[2].hasSuffix("TRACE [m] three"))
    }

    @Test("Concurrent writers never interleave lines")
    func concurrent() async throws {
        let folder = try ConfigTestFolder()
        let url = folder.url.appending(path: "log.txt")
        let sink = try LogFileSink(url: url)
        let payload = String(repeating: "z", count: 2000)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    let logger = Logger(label: "w\(writer)") {
                        FileLogHandler(label: $0, sink: sink, redactor: SecretRedactor(), logLevel: .info)
                    }
                    for index in 0..<50 { logger.info("\(index) \(payload)") }
                }
            }
        }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 400)
        #expect(lines.allSatisfy { $0.hasSuffix(payload) && $0.contains(" INFO [w") })
    }

    @Test("Logging disabled gives no-op handlers and no file")
    func disabled() throws {
        let folder = try ConfigTestFolder()
        let configuration = try Configuration.load(
            flags: ["ENABLE_LOGGING": "false"], environment: [:], workingDirectory: folder.url)
        let factory = try LoggingBootstrap.makeFactory(configuration: configuration)
        #expect(factory("x") is SwiftLogNoOpLogHandler)
        Logger(label: "x", factory: factory).critical("nothing")
        #expect(!FileManager.default.fileExists(atPath: configuration.logFile.path))
    }

    @Test("Enabled logging creates the log folder; a bad LOG_LEVEL or an impossible path is an error")
    func setup() throws {
        let folder = try ConfigTestFolder()
        let enabled = try Configuration.load(flags: [:], environment: [:], workingDirectory: folder.url)
        let factory = try LoggingBootstrap.makeFactory(configuration: enabled)
        #expect(factory("x") is FileLogHandler)
        #expect(FileManager.default.fileExists(atPath: folder.path("data/reasoningbank.log")))

        let badLevel = try Configuration.load(flags: ["LOG_LEVEL": "loud"], environment: [:], workingDirectory: folder.url)
        #expect { try LoggingBootstrap.makeFactory(configuration: badLevel) } throws: { error in
            "\(error)".contains("LOG_LEVEL=\"loud\" (from flag)")
        }

        try folder.write("blocker", "a file where a folder should be")
        let blocked = try Configuration.load(
            flags: ["LOG_FILE": "blocker/inside/log.txt"], environment: [:], workingDirectory: folder.url)
        #expect { try LoggingBootstrap.makeFactory(configuration: blocked) } throws: { error in
            guard case .cannotCreateFolder(let path, _) = error as? LogSetupError else { return false }
            return path == folder.path("blocker/inside") && "\(error)".contains("LOG_FILE")
        }
    }
}
