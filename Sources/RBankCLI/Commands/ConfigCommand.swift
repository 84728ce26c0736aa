import ArgumentParser
import Foundation
import OfflineModels
import ReasoningBank
import Providers
import TerminalUI

/// `rbank config`: the effective configuration, where each value came from, keys redacted.
struct ConfigCommand: TextOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration and where each value came from (keys are redacted).",
        discussion: "Precedence: flags > environment > .env > reasoningbank.toml > defaults.")

    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print the documentation of every variable as Markdown.") var markdown = false
    @OptionGroup var global: GlobalOptions

    func output() throws -> String {
        if markdown { return ConfigurationVariable.markdownDocumentation() }
        var lines: [String] = []
        let configuration = try global.configuration()
        let entries = configuration.report()
        if json {
            let rows = entries.map { ["name": $0.name, "value": $0.value, "source": $0.source.description, "problem": $0.problem ?? ""] }
            return try JSONOutput.encode(rows)
        }
        let width = entries.map(\.name.count).max() ?? 0
        for entry in entries {
            var line = entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.value
            line += "   (\(entry.source))"
            if !entry.overridden.isEmpty { line += " overrides " + entry.overridden.map(\.description).joined(separator: ", ") }
            if let problem = entry.problem { line += "\n    ✗ \(problem)" }
            lines.append(line)
        }
        lines.append("")
        if configuration.usesOfflineModel { lines.append(OfflineLabel.banner) }
        lines.append(Self.embedderLine(configuration))
        lines.append("System libraries: \(CurlRuntime.version) · \(NCursesRuntime.version) · SQLite via GRDB")
        return lines.joined(separator: "\n")
    }

    /// What embeds texts, and whether it is a real model.
    static func embedderLine(_ configuration: Configuration) -> String {
        let model = configuration.embeddingModel
        let suffix = Configuration.lexicalBlendSuffix
        if model.lowercased().hasSuffix(suffix), let weight = try? configuration.lexicalWeight {
            let dense = String(model.dropLast(suffix.count))
            let described = dense == MiniLMEmbedder.modelName
                ? "all-MiniLM-L6-v2, a real sentence-embedding model run natively in Swift (OpenBLAS) from "
                    + "\(configuration.miniLMFolder.path)," : dense
            return "Embedder: \(described) blended with hashing's word match: similarity = "
                + "\(HybridEmbedder.format(1 - weight)) × model cosine + \(HybridEmbedder.format(weight)) × hashing cosine "
                + "(EMBEDDING_LEXICAL_WEIGHT)"
        }
        if model == MiniLMEmbedder.modelName {
            return "Embedder: all-MiniLM-L6-v2, a real sentence-embedding model run natively in Swift (OpenBLAS), "
                + "from \(configuration.miniLMFolder.path)"
        }
        if model.lowercased().hasPrefix("hashing") {
            let missing = configuration.miniLMIsPresent
                ? "" : "; all-MiniLM-L6-v2 is not in \(configuration.miniLMFolder.path) (make model fetches it)"
            return "Embedder: \(model) (feature hashing of words and character trigrams, not a learned model)\(missing)"
        }
        return "Embedder: \(model)"
    }
}
