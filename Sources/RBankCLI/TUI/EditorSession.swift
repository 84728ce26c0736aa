import Foundation

/// Runs the person's editor on a text: `$VISUAL`, else `$EDITOR`, else `vi`, on a temporary file,
/// with the terminal handed over (the caller suspends the screen around it).
enum EditorSession {
    /// The edited text; `nil` when the editor failed, or the text came back unchanged.
    static func edit(_ text: String) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: editBlocking(text)) }
        }
    }

    static var editorCommand: String {
        let environment = ProcessInfo.processInfo.environment
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    private static func editBlocking(_ text: String) -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rbank-edit-\(UUID().uuidString)")
        let file = folder.appendingPathComponent("memory-item.md")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            return nil
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor command may carry arguments ("code --wait"); the file is passed as "$1".
        process.arguments = ["-c", editorCommand + " \"$1\"", "rbank-editor", file.path]
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let edited = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return edited == text ? nil : edited
    }
}
