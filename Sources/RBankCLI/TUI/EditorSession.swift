import Foundation
import TerminalUI

/// Runs the person's editor on a text: `$VISUAL`, else `$EDITOR`, else `vi`, on a temporary file, in the
/// terminal's foreground process group (the caller suspends the screen around it; `Foundation.Process`
/// would start it in a background group, where it could not read the terminal).
enum EditorSession {
    /// The edited text; `nil` when the editor failed, or the text came back unchanged.
    static func edit(_ text: String) async -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rbank-edit-\(UUID().uuidString)")
        let file = folder.appendingPathComponent("memory-item.md")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            return nil
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        // The editor command may carry arguments ("code --wait"); the file is passed as "$1".
        let status: Int32
        do {
            status = try await ForegroundProcess.run(["/bin/sh", "-c", editorCommand + " \"$1\"", "rbank-editor", file.path])
        } catch {
            return nil
        }
        guard status == 0, let edited = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return edited == text ? nil : edited
    }

    static var editorCommand: String {
        let environment = ProcessInfo.processInfo.environment
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }
}
