import Foundation
import OfflineModels

extension Configuration {
    /// One entry per variable, in table order, for `rbank config`.
    ///
    /// Secrets show only whether they are set and from where (`set (environment), redacted`);
    /// paths show the resolved absolute path; every other value is passed through the redactor, in
    /// case a key was pasted into the wrong variable.
    public func report() -> [ConfigurationEntry] {
        let redactor = self.redactor
        let providerSettings = try? self.providerSettings()
        return ConfigurationVariable.all.map { variable in
            let name = variable.name
            let given = values(name)
            let overridden = given.dropFirst().map(\.source)
            let problem = problem(name)?.description
            if variable.isSecret {
                guard let winner = given.first else {
                    return ConfigurationEntry(
                        name: name, value: "not set", source: .defaultValue, isSecret: true, summary: variable.summary)
                }
                return ConfigurationEntry(
                    name: name, value: "set (\(winner.source)), redacted", source: winner.source, isSecret: true,
                    overridden: Array(overridden), summary: variable.summary)
            }
            let (display, source) = displayValue(of: variable, providerSettings: providerSettings)
            return ConfigurationEntry(
                name: name, value: redactor.redact(display), source: source, isSecret: false,
                overridden: Array(overridden), problem: problem, summary: variable.summary)
        }
    }

    private func displayValue(
        of variable: ConfigurationVariable, providerSettings: ProviderSettings?
    ) -> (String, ConfigurationSource) {
        let name = variable.name
        if let value = value(name) {
            let shown = variable.kind == .path && problem(name) == nil ? resolvePath(value.raw).path : value.raw
            return (shown, value.source)
        }
        switch name {
        case "LLM_PROVIDER":
            let (provider, source) = inferredProvider()
            return (provider.rawValue, source)
        case "LLM_MODEL":
            guard let chosen = try? provider().provider else { return ("(depends on LLM_PROVIDER)", .defaultValue) }
            guard let model = chosen.defaultModel else {
                return ("(unset; required for \(chosen.rawValue))", .defaultValue)
            }
            return (model, .derived("for \(chosen.rawValue)"))
        case "EMBEDDING_MODEL":
            if embeddingModel == Self.defaultMiniLMEmbedder {
                return (embeddingModel, .derived("its files are in \(miniLMFolder.path)"))
            }
            return (embeddingModel, .derived(miniLMIsPresent
                ? "EMBEDDING_DIMENSION is not 384" : "all-MiniLM-L6-v2 not found in \(miniLMFolder.path); make model fetches it"))
        case "JUDGE_MODEL", "EXTRACTOR_MODEL":
            let model = name == "JUDGE_MODEL" ? providerSettings?.judgeModel : providerSettings?.extractorModel
            return (model ?? "(same as LLM_MODEL)", .derived("same as LLM_MODEL"))
        case "REPL_HISTORY_FILE":
            return (replHistoryFile.path, .derived("in the user data directory"))
        default:
            return ("(unset)", .defaultValue)
        }
    }
}
