import Foundation
import ReasoningBank

/// Paths inside the repository, for tests that read its data files.
public enum ProjectFiles {
    /// The repository root, found from this source file's location.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The default prompt set, read straight from `data/prompts/default` (hashes left empty).
    public static func defaultPrompts() throws -> PromptSet {
        let folder = path("data/prompts/default")
        var templates: [PromptFile: String] = [:]
        for file in PromptFile.allCases {
            templates[file] = try String(contentsOf: folder.appendingPathComponent(file.rawValue), encoding: .utf8)
        }
        return try PromptSet(
            info: PromptSetInfo(name: "default", location: folder.path, fileHashes: [:]), templates: templates)
    }
}
