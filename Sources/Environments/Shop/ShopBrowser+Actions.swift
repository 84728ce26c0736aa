import Foundation
import ReasoningBank

extension ShopBrowser {
    /// The actions and their argument counts.
    static let arities: [String: (Int, String)] = [
        "click": (1, "click('id')"),
        "fill": (2, "fill('id', 'text')"),
        "select_option": (2, "select_option('id', 'option')"),
        "goto": (1, "goto('url')"),
        "go_back": (0, "go_back()"),
        "scroll": (1, "scroll('down')"),
        "send_msg_to_user": (1, "send_msg_to_user('text')"),
    ]

    static let actionNames = "click, fill, select_option, goto, go_back, scroll, send_msg_to_user"

    /// Performs one action. Total: never traps, never throws.
    mutating func perform(_ action: String) -> StepOutcome {
        guard !isDone else {
            return StepOutcome(observation: Observation(text: "The episode is over.", url: page.url.string, title: page.title), isDone: true)
        }
        let call: ActionCall
        switch ActionCallParser.parse(action) {
        case .failure(let failure):
            return error("the action could not be parsed (\(failure)). Write one action such as click('12').")
        case .success(let parsed):
            call = parsed
        }
        let name = call.name.lowercased()
        guard let (arity, syntax) = Self.arities[name] else {
            return error("unknown action \"\(call.name)\". Valid actions: \(Self.actionNames).")
        }
        guard call.arguments.count == arity else {
            let plural = arity == 1 ? "argument" : "arguments"
            return error("\(name) takes \(arity) \(plural) (\(syntax)) but was given \(call.arguments.count).")
        }
        let arguments = call.arguments
        switch name {
        case "click": return click(arguments[0])
        case "fill": return fill(arguments[0], arguments[1])
        case "select_option": return select(arguments[0], arguments[1])
        case "goto":
            guard let target = ShopURL.parse(arguments[0]) else { return error("only \(ShopURL.origin) can be reached.") }
            navigate(to: target)
            return outcome()
        case "go_back":
            return goBack() ? outcome() : error("there is no previous page.")
        case "scroll":
            let direction = arguments[0].trimmingCharacters(in: .whitespaces).lowercased()
            guard direction == "down" || direction == "up" else { return error("scroll takes 'up' or 'down'.") }
            let down = direction == "down"
            return scroll(down: down) ? outcome() : outcome(prefix: down ? "Already at the bottom of the page." : "Already at the top of the page.")
        default:
            let message = arguments[0].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !message.isEmpty else { return error("the message to the user is empty.") }
            finish(with: message)
            return StepOutcome(
                observation: Observation(text: "Message sent to the user: \(message)\nThe task is complete.", url: page.url.string, title: page.title),
                isDone: true, answer: message)
        }
    }

    private func outcome(prefix: String? = nil) -> StepOutcome {
        StepOutcome(observation: observation(prefix: prefix), isDone: false)
    }

    private mutating func error(_ message: String) -> StepOutcome {
        countInvalid()
        return outcome(prefix: "Error: " + message)
    }

    private mutating func lookUp(_ id: String) -> Result<ShopElement, ShopActionError> {
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("[") && trimmed.hasSuffix("]") ? String(trimmed.dropFirst().dropLast()) : trimmed
        guard let number = Int(digits), let element = page.element(number) else {
            return .failure(ShopActionError(message: "there is no element with id '\(id)' on this page."))
        }
        return .success(element)
    }

    private mutating func click(_ id: String) -> StepOutcome {
        let element: ShopElement
        switch lookUp(id) {
        case .failure(let failure): return error(failure.message)
        case .success(let found): element = found
        }
        switch element.command {
        case .navigate(let target):
            navigate(to: target)
            return outcome()
        case .search:
            let query = value(.search)
            guard !query.isEmpty else { return error("the search box is empty; use fill('2', 'words') first, then click('3').") }
            navigate(to: .search(query: query, page: 1, sort: .featured))
            return outcome()
        case .addToCart:
            guard case .product(let slug) = url, let product = catalogue.product(slug: slug) else { return outcome() }
            let missing = product.optionNames.filter { selections[$0] == nil }
            guard missing.isEmpty else {
                return error("please choose an option for \(missing.joined(separator: " and ")) before adding to the cart.")
            }
            let chosen = selections
            addToCart(product, options: chosen)
            selections = [:]
            let optionsText = chosen.keys.sorted().map { "\($0): \(chosen[$0] ?? "")" }.joined(separator: ", ")
            notice = .added("You added \(product.name) (\(optionsText)) to your shopping cart.")
            rerender()
            return outcome()
        case .proceedToCheckout:
            guard !cart.isEmpty else { return error("your shopping cart is empty.") }
            navigate(to: .checkout)
            return outcome()
        case .placeOrder:
            guard !cart.isEmpty else { return error("your shopping cart is empty.") }
            let missing = [ShopField.fullName, .street, .city, .postcode].filter { value($0).isEmpty }
            guard missing.isEmpty else {
                let names = missing.map(\.label)
                notice = .missingFields(names)
                rerender()
                countInvalid()
                return outcome(prefix: "Error: please fill in the required fields: \(names.joined(separator: ", ")).")
            }
            let number = placeOrder()
            navigate(to: .orderPlaced(number: number))
            return outcome()
        case .remove(let line):
            removeLine(line)
            rerender()
            return outcome()
        case .field:
            return outcome(prefix: "Clicked [\(element.id)] \(element.role.rawValue) '\(element.label)'. Use fill('\(element.id)', 'text') to type into it.")
        case .productOption, .sort, .shippingMethod:
            return error("element [\(element.id)] is a combobox; use select_option('\(element.id)', 'option') to choose one of: \(element.options.joined(separator: ", ")).")
        }
    }

    private mutating func fill(_ id: String, _ text: String) -> StepOutcome {
        let element: ShopElement
        switch lookUp(id) {
        case .failure(let failure): return error(failure.message)
        case .success(let found): element = found
        }
        guard case .field(let field) = element.command else {
            return error("element [\(element.id)] is a \(element.role.rawValue); only a searchbox or textbox can be filled.")
        }
        fields[field] = text
        if case .missingFields? = notice { notice = nil }
        rerender()
        return outcome()
    }

    private mutating func select(_ id: String, _ option: String) -> StepOutcome {
        let element: ShopElement
        switch lookUp(id) {
        case .failure(let failure): return error(failure.message)
        case .success(let found): element = found
        }
        guard element.role == .combobox else {
            return error("element [\(element.id)] is a \(element.role.rawValue), not a combobox.")
        }
        let wanted = option.trimmingCharacters(in: .whitespaces).lowercased()
        guard let choice = element.options.first(where: { $0.lowercased() == wanted }) else {
            return error("'\(option)' is not an option of [\(element.id)] '\(element.label)'. Options: \(element.options.joined(separator: ", ")).")
        }
        switch element.command {
        case .sort:
            let sort = ShopSort.allCases.first { $0.label == choice } ?? .featured
            switch url {
            case .search(let query, _, _): navigate(to: .search(query: query, page: 1, sort: sort))
            case .category(let category, _, _): navigate(to: .category(category, page: 1, sort: sort))
            default: break
            }
        case .productOption(let name):
            selections[name] = choice
            rerender()
        case .shippingMethod:
            shippingMethod = choice
            rerender()
        default:
            break
        }
        return outcome()
    }
}
