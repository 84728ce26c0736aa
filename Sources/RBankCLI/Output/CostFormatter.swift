import Foundation
import ReasoningBank

/// The one way a cost is written, in run lines, reports and bench tables.
///
/// - the offline simulation: `$0 (offline simulation)`;
/// - every call priced: `$0.0123` (4 decimals below $1, 2 from $1 up, `$0` for nothing);
/// - some calls priced: `$0.0123 + 3 unpriced calls`;
/// - no call priced: `unknown (no price for openai/gpt-9 in prices.toml)`.
enum CostFormatter {
    /// The cost of `usage`. `model` is the model that answered (nil when not known); `pricesFile`
    /// is the price table's file, named when a price is missing (nil: "the price table").
    static func text(_ usage: Usage, model: ModelDescriptor?, pricesFile: URL?) -> String {
        if model?.isSimulation == true { return "$0 (offline simulation)" }
        guard usage.unpricedCalls > 0 else { return amount(usage.costUSD) }
        // Some calls were priced when fewer were unpriced than made, or when some cost was counted
        // (a run summary read back from the bank knows its cost and unpriced calls but not its calls).
        if usage.unpricedCalls < usage.calls || usage.costUSD > 0 {
            let calls = usage.unpricedCalls == 1 ? "1 unpriced call" : "\(usage.unpricedCalls) unpriced calls"
            return amount(usage.costUSD) + " + " + calls
        }
        let file = pricesFile.map { $0.lastPathComponent } ?? "the price table"
        guard let model else { return "unknown (no price in \(file))" }
        return "unknown (no price for \(model.provider)/\(model.model) in \(file))"
    }

    /// `$0`, `<$0.0001`, `$0.0123`, `$12.35`.
    static func amount(_ dollars: Double) -> String {
        guard dollars.isFinite else { return "unknown" }
        if dollars == 0 { return "$0" }
        let sign = dollars < 0 ? "-" : ""
        let magnitude = abs(dollars)
        if magnitude < 0.000_05 { return sign + "<$0.0001" }
        // 0.99996 rounds to 1.0000 at 4 decimals: write it as the dollars it rounds to.
        if (magnitude * 10_000).rounded() >= 10_000 { return sign + "$" + String(format: "%.2f", magnitude) }
        return sign + "$" + String(format: "%.4f", magnitude)
    }
}
