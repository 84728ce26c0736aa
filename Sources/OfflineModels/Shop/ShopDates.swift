import Foundation

/// Dates as the shop writes them (`March 14, 2024`), made comparable. Total.
enum ShopDates {
    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// `yyyymmdd` as a number, nil when `text` is not a `Month day, year` date.
    static func ordinal(_ text: String) -> Int? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard words.count >= 3, let month = months.firstIndex(of: words[0]),
            let day = Int(words[1]), let year = Int(words[2].filter(\.isNumber))
        else { return nil }
        return year * 10_000 + (month + 1) * 100 + day
    }

    /// Whether two written dates are the same day (falls back to a case-insensitive comparison).
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        if let left = ordinal(lhs), let right = ordinal(rhs) { return left == right }
        return lhs.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(rhs.trimmingCharacters(in: .whitespaces)) == .orderedSame
    }
}
