import Foundation
import ReasoningBank

/// How the screens write numbers, dates, ids and outcomes: fixed formats, no locale, so a screen reads
/// the same everywhere and snapshots are stable.
enum DisplayFormat {
    /// `1,234,567`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A similarity score, `0.889`.
    static func score(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return String(format: "%.3f", value)
    }

    /// A rate as a whole percentage, `75%`; `—` when unknown.
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%.0f%%", value * 100)
    }

    /// Dollars as the CLI writes them: `$0`, `<$0.0001`, `$0.0123`, `$12.35`.
    static func dollars(_ value: Double) -> String {
        guard value.isFinite else { return "unknown" }
        if value == 0 { return "$0" }
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        if magnitude < 0.000_05 { return sign + "<$0.0001" }
        if (magnitude * 10_000).rounded() >= 10_000 { return sign + "$" + String(format: "%.2f", magnitude) }
        return sign + "$" + String(format: "%.4f", magnitude)
    }

    /// A run's cost from its usage: dollars, marked `+` when some calls had no price.
    static func cost(_ usage: Usage) -> String {
        dollars(usage.costUSD) + (usage.unpricedCalls > 0 ? "+" : "")
    }

    /// `2025-03-14 09:26` in UTC (`—` for a date no calendar can show).
    static func dateTime(_ date: Date) -> String {
        guard let (day, minutes) = civil(date) else { return "—" }
        return day + " " + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    }

    /// `2025-03-14` in UTC.
    static func date(_ date: Date) -> String { civil(date)?.day ?? "—" }

    /// `03-14 09:26` in UTC, for tight columns.
    static func shortDateTime(_ date: Date) -> String {
        guard let (day, minutes) = civil(date) else { return "—" }
        return String(day.suffix(5)) + " " + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    }

    /// The day and the minutes into it of `date`, in UTC, from the days-from-civil algorithm.
    private static func civil(_ date: Date) -> (day: String, minutes: Int)? {
        let interval = date.timeIntervalSince1970.rounded(.down)
        // Years 1…9999 only: anything else (or NaN) is not a date a person needs to read.
        guard interval.isFinite, interval > -62_135_596_800, interval < 253_402_300_800 else { return nil }
        let seconds = Int(interval)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let minutes = (seconds - days * 86_400) / 60
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return ("\(year)-" + twoDigits(month) + "-" + twoDigits(day), minutes)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `✓ success`, `✗ failure`, or `? unknown`.
    static func verdict(_ status: VerdictStatus?) -> String {
        switch status {
        case .success: "✓ success"
        case .failure: "✗ failure"
        case nil: "? unknown"
        }
    }

    /// The role a verdict is drawn in.
    static func role(_ status: VerdictStatus?) -> ThemeRole {
        switch status {
        case .success: .success
        case .failure: .failure
        case nil: .muted
        }
    }

    /// One mark for a verdict in a list column.
    static func mark(_ status: VerdictStatus?) -> String {
        switch status {
        case .success: "✓"
        case .failure: "✗"
        case nil: "·"
        }
    }

    /// How a run status is drawn.
    static func role(_ status: RunStatus) -> ThemeRole {
        switch status {
        case .success: .success
        case .failure, .error: .failure
        case .running: .accent
        case .unjudged, .cancelled: .warning
        }
    }

    /// An item source in a few letters, for list columns.
    static func source(_ source: ItemSource) -> String {
        switch source {
        case .extracted: "extracted"
        case .selfContrast: "contrast"
        case .importedSeed: "seed"
        case .importedOfficial: "official"
        case .manual: "manual"
        case .exemplar: "exemplar"
        case .workflow: "workflow"
        }
    }

    /// `1 item`, `3 items`.
    static func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }
}
