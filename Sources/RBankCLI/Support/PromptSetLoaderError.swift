import Foundation
import ReasoningBank

/// Why a prompt folder could not be loaded; each message says which file and what to do.
public enum PromptSetLoaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder does not exist.
    case folderMissing(path: String)
    /// The path is a file, not a folder.
    case notAFolder(path: String)
    /// A required file is not in the folder.
    case missingFile(folder: String, file: String)
    /// A file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A file is not UTF-8 text.
    case notUTF8(path: String)
    /// A file lacks a placeholder it must contain.
    case missingPlaceholder(folder: String, file: String, placeholder: String)

    /// Maps the engine's error.
    init(_ error: PromptSetError) {
        switch error {
        case .missingFile(let set, let file): self = .missingFile(folder: set, file: file)
        case .missingPlaceholder(let set, let file, let placeholder):
            self = .missingPlaceholder(folder: set, file: file, placeholder: placeholder)
        case .unreadable(let set, let reason): self = .unreadableFile(path: set, reason: reason)
        }
    }

    /// What went wrong, where, and what to do.
    public var description: String {
        switch self {
        case .folderMissing(let path):
            "Prompt folder \(path) does not exist. Point PROMPTS_DIR (or --prompts) at a prompt folder, "
                + "or copy data/prompts/default there."
        case .notAFolder(let path):
            "Prompt set \(path) is a file, not a folder. Point PROMPTS_DIR (or --prompts) at the folder that "
                + "holds the prompt files."
        case .missingFile(let folder, let file):
            "Prompt set \(folder) has no \(file). Copy it from data/prompts/default and edit the copy."
        case .unreadableFile(let path, let reason):
            "Prompt file \(path) could not be read (\(reason)). Check that it exists and that you may read it."
        case .notUTF8(let path):
            "Prompt file \(path) is not UTF-8 text. Save it as UTF-8."
        case .missingPlaceholder(let folder, let file, let placeholder):
            "Prompt set \(folder): \(file) must contain {{\(placeholder)}}. Add it where the value belongs "
                + "(see data/prompts/default/README.md)."
        }
    }
}
