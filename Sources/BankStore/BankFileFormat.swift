import Foundation

/// The two interchange formats.
public enum BankFileFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// budprat/ReasoningBank: `memory_bank.json` (JSON array) + `embeddings.json` (text → vector).
    case seed
    /// google-research/reasoning-bank: `<name>.jsonl` + `<name>_embeddings.jsonl`.
    case official
}
