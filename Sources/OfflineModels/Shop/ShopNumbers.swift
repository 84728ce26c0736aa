import Foundation

/// Reading numbers and money out of shop text. Total.
enum ShopNumbers {
    /// The decimal numbers in `text` (commas inside numbers dropped), in order.
    static func all(in text: String) -> [Double] {
        var results: [Double] = []
        var current = ""
        func flush() {
            while current.hasSuffix(".") { current.removeLast() }
            if let value = Double(current) { results.append(value) }
            current = ""
        }
        var previous: Character = " "
        for character in text {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if character == ".", !current.isEmpty, !current.contains(".") {
                current.append(character)
            } else if character == ",", !current.isEmpty, previous.isNumber {
                continue
            } else {
                flush()
            }
            previous = character
        }
        flush()
        return results
    }

    /// The first number in `text`.
    static func first(in text: some StringProtocol) -> Double? { all(in: String(text)).first }

    /// `12.5` as `12.50` (money) — two decimals.
    static func money(_ value: Double) -> String { String(format: "$%.2f", value) }

    /// A rating or count as written: integers without a point, else one or two decimals.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e12 { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
