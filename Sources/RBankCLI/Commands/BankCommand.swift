import ArgumentParser
import BankStore
import Foundation
import ReasoningBank

/// `rbank bank …`: look at and curate the memory bank.
struct BankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank",
        abstract: "Browse, search, import, export and curate the memory bank.",
        subcommands: [
            BankList.self, BankShow.self, BankSearch.self, BankStatsCommand.self, BankImport.self, BankExport.self,
            BankDelete.self, BankRestore.self, BankMerge.self, BankUndo.self,
        ])
}

/// Runs a bank command body with the bank open, turning bank errors into one clear message.
func withBank<T>(_ global: GlobalOptions, _ body: (Bank) throws -> T) throws -> T {
    let bank = try Workbench.openBank(try global.configuration())
    defer { try? bank.close() }
    do { return try body(bank) } catch let error as BankError { throw CLIError(error.description) }
}

struct BankList: TextOutputCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List memory items, pinned first.")

    @Flag(help: "Include archived items.") var archived = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func output() throws -> String {
        try withBank(global) { bank in
            let items = try bank.items(includeArchived: archived)
            if json { return try JSONOutput.encode(items) }
            if items.isEmpty { return "The bank has no items yet. Run a task: rbank run --env qa --task qa-001" }
            return (items.map(ItemFormatter.line) + ["\(items.count) item\(items.count == 1 ? "" : "s")"])
                .joined(separator: "\n")
        }
    }
}

struct BankShow: TextOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an item with its provenance, usage and history.",
        discussion: "ID may be an item (m-…), an experience (x-…) or a run (r-…); a unique prefix is enough. "
            + "For an experience or a run, every item it stored is shown.")

    @Argument(help: "An item, experience or run id, or a unique prefix of one.") var id: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func output() throws -> String {
        try withBank(global) { bank in
            let items = try resolveItems(bank)
            if json { return try JSONOutput.encode(items) }
            return try items.map {
                try ItemFormatter.detail($0, usage: bank.usage(of: $0.id), revisions: bank.revisions(of: $0.id))
            }.joined(separator: "\n\n")
        }
    }

    private func resolveItems(_ bank: Bank) throws -> [MemoryItem] {
        if id.hasPrefix("x-") {
            let experienceID = try bank.resolveExperienceID(id)
            guard let experience = try bank.experience(id: experienceID) else { throw BankError.experienceNotFound(id) }
            return experience.items
        }
        if id.hasPrefix("r-") {
            guard let run = try bank.run(id: try bank.resolveRunID(id)) else { throw BankError.runNotFound(id) }
            guard !run.storedItemIDs.isEmpty else {
                throw CLIError("Run \(run.id) (\(run.status.rawValue)) stored no items.")
            }
            return try run.storedItemIDs.compactMap { try bank.item(id: $0) }
        }
        guard let item = try bank.item(id: try bank.resolveItemID(id)) else { throw BankError.itemNotFound(id) }
        return [item]
    }
}

struct BankSearch: TextOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Full-text search over titles, descriptions and contents (all words must match).")

    @Argument(help: "Words to find.") var text: [String]
    @Flag(help: "Include archived items.") var archived = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func output() throws -> String {
        try withBank(global) { bank in
            let items = try bank.search(text.joined(separator: " "), includeArchived: archived)
            if json { return try JSONOutput.encode(items) }
            return (items.map(ItemFormatter.line) + ["\(items.count) match\(items.count == 1 ? "" : "es")"])
                .joined(separator: "\n")
        }
    }
}

struct BankStatsCommand: TextOutputCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts of experiences, items and runs.")

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func output() throws -> String {
        try withBank(global) { bank in
            let stats = try bank.stats()
            if json { return try JSONOutput.encode(stats) }
            return ItemFormatter.stats(stats, path: bank.path ?? "(in memory)")
        }
    }
}

struct BankImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a seed-format memory_bank.json or an official-code JSONL bank.",
        discussion: "The format is detected. A companion embeddings file beside it (embeddings.json, or "
            + "<name>_embeddings.jsonl) is imported too. A malformed file is refused and the bank is left as it was.")

    @Argument(help: "The file to import.") var file: String
    @Flag(name: .customLong("dry-run"), help: "Check the file and report what would be imported.") var dryRun = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try withBank(global) { bank in
            let report = try bank.importAuto(url: URL(fileURLWithPath: file), dryRun: dryRun)
            print(report.summary)
        }
    }
}

struct BankExport: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case seedJSON = "seed-json"
        case officialJSONL = "official-jsonl"
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the bank as seed-format JSON or official-code JSONL, with its embeddings file.")

    @Option(help: "seed-json or official-jsonl.") var format: Format
    @Argument(help: "Where to write the bank file.") var path: String
    @Option(help: "Where to write the embeddings (default: embeddings.json / <name>_embeddings.jsonl beside it).")
    var embeddings: String?
    @Flag(help: "Include archived items.") var archived = false
    @Option(
        name: .customLong("embedding-model"),
        help: "Whose vectors to write (default: the embedder most of the bank's experiences were embedded with).")
    var embeddingModel: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try withBank(global) { bank in
            let url = URL(fileURLWithPath: path)
            let model = try embeddingModel
                ?? bank.stats().embeddingModels.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            let report: ExportReport
            switch format {
            case .seedJSON:
                let embeddingsURL = embeddings.map(URL.init(fileURLWithPath:))
                    ?? url.deletingLastPathComponent().appendingPathComponent("embeddings.json")
                report = try bank.exportSeed(
                    bankURL: url, embeddingsURL: embeddingsURL, includeArchived: archived,
                    embeddingModel: model ?? Bank.seedEmbeddingModel)
            case .officialJSONL:
                let stem = url.deletingPathExtension().lastPathComponent
                let embeddingsURL = embeddings.map(URL.init(fileURLWithPath:))
                    ?? url.deletingLastPathComponent().appendingPathComponent("\(stem)_embeddings.jsonl")
                report = try bank.exportOfficial(
                    bankURL: url, embeddingsURL: embeddingsURL, includeArchived: archived,
                    embeddingModel: model ?? Bank.officialEmbeddingModel)
            }
            print(report.summary)
        }
    }
}

struct BankDelete: TextOutputCommand, BankChangingCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Archive an item: it is never retrieved again, and `rbank bank undo` brings it back.")

    @Argument(help: "An item id or unique prefix.") var id: String
    @OptionGroup var global: GlobalOptions

    func output() throws -> String {
        try withBank(global) { bank in
            let item = try bank.archive(itemID: try bank.resolveItemID(id))
            return "Archived \(item.id) \"\(item.title)\". Nothing is deleted outright: `rbank bank undo` restores it."
        }
    }
}

struct BankRestore: TextOutputCommand, BankChangingCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Restore an archived item.")

    @Argument(help: "An item id or unique prefix.") var id: String
    @OptionGroup var global: GlobalOptions

    func output() throws -> String {
        try withBank(global) { bank in
            let item = try bank.restore(itemID: try bank.resolveItemID(id))
            return "Restored \(item.id) \"\(item.title)\"."
        }
    }
}

struct BankMerge: TextOutputCommand, BankChangingCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two or more items into one new item; the sources are archived (`rbank bank undo` reverses it).",
        discussion: "The new item keeps the first item's experience and provenance, its title and description, "
            + "and joins the contents.")

    @Argument(help: "Two or more item ids or unique prefixes.") var ids: [String]
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard ids.count >= 2 else { throw ValidationError("Give at least two items to merge.") }
    }

    func output() throws -> String {
        try withBank(global) { bank in
            let item = try bank.merge(itemIDs: try ids.map { try bank.resolveItemID($0) })
            return "Merged \(ids.count) items into \(item.id) \"\(item.title)\"; the sources are archived. "
                + "`rbank bank undo` reverses it."
        }
    }
}

struct BankUndo: TextOutputCommand, BankChangingCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Undo the most recent change to the bank (edit, archive, restore, pin, merge, import).")

    @OptionGroup var global: GlobalOptions

    func output() throws -> String {
        try withBank(global) { bank in
            guard let result = try bank.undo() else { return "Nothing to undo." }
            return "Undid: \(result.summary)"
        }
    }
}
