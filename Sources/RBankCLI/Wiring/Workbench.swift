import BankStore
import Environments
import Foundation
import OfflineModels
import ReasoningBank

/// The components a command needs, built from the configuration: bank, model, embedder, prompts, environments.
struct Workbench {
    let configuration: Configuration
    let bank: Bank
    let models: ModelRoles
    let embedder: any Embedder
    let prompts: PromptSet
    let settings: LoopSettings

    /// Builds everything a run needs. Errors name the setting at fault and what to do.
    static func open(_ configuration: Configuration) throws -> Workbench {
        let settings: LoopSettings
        do { settings = try configuration.loopSettings() } catch { throw CLIError(error.description) }
        return Workbench(
            configuration: configuration, bank: try openBank(configuration), models: try makeModels(configuration),
            embedder: try makeEmbedder(configuration), prompts: try loadPrompts(configuration), settings: settings)
    }

    /// Opens the bank only, for `rbank bank …`.
    static func openBank(_ configuration: Configuration) throws -> Bank {
        let url = configuration.memoryBankPath
        if url.pathExtension.lowercased() == "json" {
            throw CLIError(
                "MEMORY_BANK_PATH points to \(url.path), a JSON file. rbank keeps its bank in SQLite: set "
                    + "MEMORY_BANK_PATH to a .sqlite path and bring the JSON bank in with `rbank bank import \(url.path)`.")
        }
        do { return try Bank(path: url.path) } catch { throw CLIError(String(describing: error)) }
    }

    static func makeModels(_ configuration: Configuration) throws -> ModelRoles {
        try ProviderFactory(configuration: configuration).models()
    }

    static func makeEmbedder(_ configuration: Configuration) throws -> any Embedder {
        try ProviderFactory(configuration: configuration).embedder()
    }

    static func loadPrompts(_ configuration: Configuration) throws -> PromptSet {
        do { return try PromptSetLoader().load(from: configuration.promptsDirectory) } catch {
            throw CLIError(error.description)
        }
    }

    /// The names `environment(named:)` knows.
    static let environmentNames = ["qa", "shop"]

    /// The environment called `name`; `seed` makes worlds that are generated from one (the shop).
    func environment(named name: String, seed: UInt64 = 0) throws -> any Environment {
        try Self.environment(named: name, seed: seed, configuration: configuration)
    }

    /// The environment called `name`, with its suite from the configuration's `TASKS_DIR`.
    static func environment(named name: String, seed: UInt64, configuration: Configuration) throws -> any Environment {
        switch name {
        case "qa":
            let url = configuration.tasksDirectory.appendingPathComponent("qa.jsonl")
            do { return try QAWorld(tasksURL: url) } catch { throw CLIError(String(describing: error)) }
        case "shop":
            // The shipped suite file is the default seed's; another seed generates its own world and suite.
            guard seed == ShopWorld.defaultSeed else { return ShopWorld(seed: seed) }
            let url = configuration.tasksDirectory.appendingPathComponent("shop.jsonl")
            do { return try ShopWorld(tasksURL: url) } catch { throw CLIError(String(describing: error)) }
        default:
            throw CLIError("Unknown environment \"\(name)\". Available: \(Self.environmentNames.joined(separator: ", ")).")
        }
    }

    /// A closed loop over `environment` with the given control.
    func loop(environment: any Environment, control: any RunControl = UnattendedControl()) -> ClosedLoop {
        ClosedLoop(
            models: models, embedder: embedder, environment: environment, store: bank, prompts: prompts,
            settings: settings, control: control)
    }
}
