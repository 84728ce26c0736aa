import Foundation

/// Candidates for a file or folder path being typed: the entries of its folder that start with what is
/// typed after the last `/`; folders end in `/`. Hidden entries show only once a `.` is typed.
public enum PathCompletion {
    /// Full candidate paths for `typed`, relative to `workingDirectory` when `typed` is relative.
    public static func candidates(for typed: String, workingDirectory: String = FileManager.default.currentDirectoryPath) -> [String] {
        let slash = typed.lastIndex(of: "/")
        let folderPart = slash.map { String(typed[...$0]) } ?? ""
        let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let folder: String
        if folderPart.hasPrefix("/") {
            folder = folderPart
        } else {
            folder = (workingDirectory as NSString).appendingPathComponent(folderPart.isEmpty ? "." : folderPart)
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isFolder)
            return folderPart + name + (isFolder.boolValue ? "/" : "")
        }
    }
}
