import Foundation

/// A complete set of prompt templates, as loaded from a folder, with the hashes that identify it.
public struct PromptSet: Sendable, Hashable {
    public var info: PromptSetInfo
    private var templates: [PromptFile: String]

    /// Builds a set from templates; fails when a file or a required placeholder is missing.
    public init(info: PromptSetInfo, templates: [PromptFile: String]) throws(PromptSetError) {
        for file in PromptFile.allCases {
            guard let text = templates[file] else { throw .missingFile(set: info.location, file: file.rawValue) }
            for name in file.requiredPlaceholders where !text.contains("{{\(name)}}") {
                throw .missingPlaceholder(set: info.location, file: file.rawValue, placeholder: name)
            }
        }
        self.info = info
        self.templates = templates
    }

    /// The raw template of `file`.
    public func template(_ file: PromptFile) -> String { templates[file] ?? "" }

    /// Fills `{{name}}` placeholders in one pass, so values that contain braces are never re-expanded.
    /// Unknown placeholders are left as they are.
    public func render(_ file: PromptFile, _ values: [String: String]) -> String {
        let text = template(file)
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = String(afterOpen[..<close.lowerBound])
            if let value = values[name] {
                output += value
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = afterOpen[close.upperBound...]
        }
        output += rest
        return output
    }
}

/// Why a prompt set could not be used.
public enum PromptSetError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingFile(set: String, file: String)
    case missingPlaceholder(set: String, file: String, placeholder: String)
    case unreadable(set: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let set, let file):
            "Prompt set \(set) has no \(file). Copy it from data/prompts/default."
        case .missingPlaceholder(let set, let file, let placeholder):
            "Prompt set \(set): \(file) must contain {{\(placeholder)}}. See data/prompts/default/README.md."
        case .unreadable(let set, let reason):
            "Prompt set \(set) could not be read: \(reason)"
        }
    }
}
