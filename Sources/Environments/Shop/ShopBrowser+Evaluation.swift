import Foundation
import ReasoningBank

extension ShopBrowser {
    /// The ground truth of `evaluator` on the current state.
    func evaluate(_ evaluator: ShopEvaluator) -> GroundTruth {
        switch evaluator {
        case .answer(let expected):
            guard let answer else {
                return GroundTruth(success: false, expected: expected, detail: "No message was sent to the user.")
            }
            let numbers = Self.numbers(in: answer)
            let wanted = Self.numbers(in: expected)
            let success = !wanted.isEmpty && Set(numbers) == Set(wanted)
            let detail = success
                ? "The answer '\(answer)' gives the expected value \(expected)."
                : numbers.isEmpty
                    ? "The answer '\(answer)' holds no number; expected \(expected)."
                    : "The answer '\(answer)' does not give exactly the expected value \(expected)."
            return GroundTruth(success: success, expected: expected, detail: detail)
        case .url(let path):
            let final = page.url.path
            let success = final == path
            return GroundTruth(
                success: success, expected: ShopURL.origin + path,
                detail: success ? "The final page is \(ShopURL.origin + path)." : "The final page is \(page.url.string), not \(ShopURL.origin + path).")
        case .cart(let slug, let options):
            let name = catalogue.product(slug: slug)?.name ?? slug
            let wanted = "\(name) (\(Self.optionsText(options)))"
            let success = cart.contains { $0.slug == slug && $0.options == options }
            let held = cart.isEmpty ? "the cart is empty" : "the cart holds " + cart.map { "\($0.name) (\($0.optionsText))" }.joined(separator: "; ")
            return GroundTruth(
                success: success, expected: "In the cart: \(wanted)",
                detail: success ? "The cart holds \(wanted)." : "Expected \(wanted) in the cart, but \(held).")
        case .order(let slug, let options, let street, let city, let postcode):
            let name = catalogue.product(slug: slug)?.name ?? slug
            let expected = "An order of \(name) (\(Self.optionsText(options))) shipped to \(street), \(city), \(postcode)"
            func same(_ lhs: String, _ rhs: String) -> Bool {
                lhs.trimmingCharacters(in: .whitespaces).lowercased() == rhs.trimmingCharacters(in: .whitespaces).lowercased()
            }
            let success = placedOrders.contains { order in
                order.lines.contains { $0.slug == slug && $0.options == options }
                    && same(order.street, street) && same(order.city, city) && same(order.postcode, postcode)
            }
            let detail: String
            if success {
                detail = "\(expected) was placed."
            } else if placedOrders.isEmpty {
                detail = "No order was placed."
            } else {
                detail = "The orders placed do not match: " + placedOrders.map { order in
                    order.lines.map { "\($0.name) (\($0.optionsText))" }.joined(separator: ", ")
                        + " to \(order.street), \(order.city), \(order.postcode)"
                }.joined(separator: "; ")
            }
            return GroundTruth(success: success, expected: expected, detail: detail)
        }
    }

    static func optionsText(_ options: [String: String]) -> String {
        options.keys.sorted().map { "\($0): \(options[$0] ?? "")" }.joined(separator: ", ")
    }

    /// The decimal numbers in `text` (`$1,234.50` reads as 1234.5); a trailing full stop is not a decimal point.
    static func numbers(in text: String) -> [Double] {
        var found: [Double] = []
        var current = ""
        func flush() {
            while current.hasSuffix(".") || current.hasSuffix(",") { current.removeLast() }
            if let value = Double(current.replacingOccurrences(of: ",", with: "")) { found.append(value) }
            current = ""
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character.isASCII, character.isNumber {
                current.append(character)
            } else if (character == "." || character == ","), !current.isEmpty,
                index + 1 < characters.count, characters[index + 1].isASCII, characters[index + 1].isNumber {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return found
    }

    /// What the judge sees: the final page and the state the tasks can change.
    var finalStateText: String {
        var lines = ["Final page: \(page.title)", "URL: \(page.url.string)", viewportText, ""]
        if cart.isEmpty {
            lines.append("Cart: empty")
        } else {
            lines.append("Cart (\(cartCount) items):")
            lines.append(contentsOf: cart.map { "- \($0.rowText)" })
        }
        if placedOrders.isEmpty {
            lines.append("Orders placed in this session: none")
        } else {
            lines.append("Orders placed in this session:")
            for order in placedOrders {
                lines.append(
                    "- \(order.label): " + order.lines.map(\.rowText).joined(separator: "; ")
                        + "; ship to \(order.fullName), \(order.street), \(order.city), \(order.postcode)")
            }
        }
        lines.append(answer.map { "Message to the user: \($0)" } ?? "No message was sent to the user.")
        if invalidActions > 0 { lines.append("Invalid actions attempted: \(invalidActions)") }
        return lines.joined(separator: "\n")
    }
}
