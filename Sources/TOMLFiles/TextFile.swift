import Foundation

/// Reads a small local text file (a price table, a theme) and says plainly why it cannot.
public enum TextFile {
    /// Why a file could not be read: its path and the reason, for the caller's error.
    public struct Unreadable: Error, Sendable, Hashable {
        public var path: String
        public var reason: String
    }

    /// The file's path and UTF-8 text.
    public static func read(_ url: URL) -> Result<(path: String, text: String), Unreadable> {
        let path = url.isFileURL ? url.path : url.absoluteString
        guard url.isFileURL else { return .failure(Unreadable(path: path, reason: "it is not a local file")) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Unreadable(path: path, reason: "there is no such file"))
        }
        if isDirectory.boolValue { return .failure(Unreadable(path: path, reason: "it is a folder, not a file")) }
        guard let data = try? Data(contentsOf: url) else {
            return .failure(Unreadable(path: path, reason: "it cannot be read (check its permissions)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Unreadable(path: path, reason: "it is not UTF-8 text"))
        }
        return .success((path, text))
    }
}
