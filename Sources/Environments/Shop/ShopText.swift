import Foundation

/// Text helpers shared by the shop world: search words, slugs, money and dates.
enum ShopText {
    /// The lowercased alphanumeric words of `text` (search has no stemming and no stop words).
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// `Trailblazer Rain Jacket` → `trailblazer-rain-jacket`.
    static func slug(_ text: String) -> String { words(text).joined(separator: "-") }

    /// 123456 → `$1,234.56`.
    static func money(_ cents: Int) -> String {
        let dollars = cents / 100
        var digits = String(dollars)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let fraction = cents % 100
        return "$" + digits + grouped + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// Days since 1970-01-01 → `March 14, 2024` (proleptic Gregorian, no time zones involved).
    static func date(days: Int) -> String {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(monthNames[month - 1]) \(day), \(year)"
    }

    /// 117 → `000117`.
    static func orderNumber(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 6 - text.count)) + text
    }
}
