import BankStore
import Foundation
import ReasoningBank

/// Text and JSON forms of memory items for `rbank bank`.
enum ItemFormatter {
    static func line(_ item: MemoryItem) -> String {
        var flags = ""
        if item.isPinned { flags += "📌 " }
        if item.isArchived { flags += "[archived] " }
        let verdict = item.provenance.verdict.map { $0 == .success ? "✓" : "✗" } ?? "·"
        return "\(item.id)  \(verdict) \(flags)\(item.title)  — from \(item.provenance.taskID ?? "?")"
    }

    static func detail(_ item: MemoryItem, usage: ItemUsage, revisions: [ItemRevision]) -> String {
        let provenance = item.provenance
        let date = ISO8601DateFormatter().string(from: provenance.createdAt)
        var lines = [
            "\(item.id)  revision \(item.revision)\(item.isArchived ? "  [archived]" : "")\(item.isPinned ? "  [pinned]" : "")",
            "  Title        \(item.title)",
            "  Description  \(item.description)",
            "  Content      \(item.content.replacingOccurrences(of: "\n", with: "\n               "))",
            "  Provenance",
            "    source     \(provenance.source.rawValue)",
            "    verdict    \(provenance.verdict.map { "\($0.rawValue) (a \($0 == .success ? "success strategy" : "failure lesson"))" } ?? "unknown")",
            "    task       \(provenance.taskID ?? "?")",
            "    query      \(provenance.query ?? "?")",
            "    run        \(provenance.runID ?? "none")",
            "    experience \(provenance.experienceID ?? "none")",
            "    created    \(date)",
            "  Usage        retrieved by \(usage.timesRetrieved) run\(usage.timesRetrieved == 1 ? "" : "s"), injected into \(usage.timesInjected)"
                + (usage.successRate.map { String(format: "; %.0f%% of the judged runs it was shown to succeeded", $0 * 100) } ?? ""),
            "  History      \(revisions.count) revision\(revisions.count == 1 ? "" : "s")",
        ]
        for revision in revisions where revisions.count > 1 {
            lines.append("    r\(revision.revision)\(revision.isCurrent ? "*" : " ") \(ISO8601DateFormatter().string(from: revision.editedAt))  \(revision.note ?? "")  \(revision.title)")
        }
        return lines.joined(separator: "\n")
    }

    static func stats(_ stats: BankStats, path: String) -> String {
        func list(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        return """
            bank         \(path)
            experiences  \(stats.experiences)
            items        \(stats.activeItems) active, \(stats.archivedItems) archived, \(stats.pinnedItems) pinned
            by verdict   \(list(stats.itemsByVerdict))
            by source    \(list(stats.itemsBySource))
            runs         \(stats.runs) (\(list(stats.runsByStatus)))
            embeddings   \(list(stats.embeddingModels))
            changes      \(stats.changes) (\(stats.undoneChanges) undone)
            """
    }
}
