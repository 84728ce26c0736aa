import Foundation
import ReasoningBank

/// The state of one browsing session and the logic of every action, as a value (a `ShopSession`
/// wraps one). Every action is total: an invalid one is an error observation.
struct ShopBrowser: Sendable {
    /// Tree lines the viewport shows.
    static let viewportLines = 50
    /// Lines one `scroll` moves.
    static let scrollStep = 40

    /// A message shown at the top of `main` after an action, until the next navigation.
    enum Notice: Sendable, Hashable {
        case added(String)
        case missingFields([String])
    }

    let catalogue: ShopCatalogue
    private(set) var url: ShopURL = .home
    private(set) var history: [ShopURL] = []
    private(set) var scrollOffset = 0
    var fields: [ShopField: String] = [:]
    /// Product options chosen on the current product page.
    var selections: [String: String] = [:]
    var shippingMethod = "Standard ($5.00)"
    private(set) var cart: [ShopCartLine] = []
    private(set) var placedOrders: [ShopOrder] = []
    var notice: Notice?
    private(set) var page: ShopPage
    private(set) var answer: String?
    private(set) var isDone = false
    private(set) var invalidActions = 0

    init(catalogue: ShopCatalogue, at start: ShopURL = .home) {
        self.catalogue = catalogue
        url = start
        fields[.fullName] = catalogue.customer.fullName
        page = ShopPage(title: "", url: start)
        page = render()
    }

    /// All orders, the past ones and those placed in this session, newest first.
    var allOrdersNewestFirst: [ShopOrder] { (catalogue.orders + placedOrders).reversed() }

    /// The observation of the current page.
    var observation: Observation { observation(prefix: nil) }

    func observation(prefix: String?) -> Observation {
        var text = viewportText
        if let prefix { text = prefix + "\n\n" + text }
        return Observation(text: text, url: page.url.string, title: page.title)
    }

    /// The visible part of the tree with the scroll hints.
    var viewportText: String {
        let end = min(page.lines.count, scrollOffset + Self.viewportLines)
        var shown: [String] = []
        if scrollOffset > 0 {
            shown.append("StaticText '… \(scrollOffset) lines above. Use scroll('up') to see them.'")
        }
        shown.append(contentsOf: page.lines[scrollOffset..<end])
        if end < page.lines.count {
            shown.append("StaticText '… \(page.lines.count - end) more lines below. Use scroll('down') to see more.'")
        }
        return shown.joined(separator: "\n")
    }

    // MARK: navigation

    mutating func navigate(to target: ShopURL) {
        history.append(url)
        show(target)
    }

    mutating func show(_ target: ShopURL) {
        url = target
        scrollOffset = 0
        selections = [:]
        notice = nil
        rerender()
    }

    mutating func rerender() { page = render() }

    mutating func goBack() -> Bool {
        guard let previous = history.popLast() else { return false }
        show(previous)
        return true
    }

    /// Moves the viewport; false when it was already at that end.
    mutating func scroll(down: Bool) -> Bool {
        let maximum = max(0, page.lines.count - Self.viewportLines)
        let next = down ? min(maximum, scrollOffset + Self.scrollStep) : max(0, scrollOffset - Self.scrollStep)
        guard next != scrollOffset else { return false }
        scrollOffset = next
        return true
    }

    // MARK: state changes

    mutating func addToCart(_ product: ShopProduct, options: [String: String]) {
        if let index = cart.firstIndex(where: { $0.slug == product.slug && $0.options == options }) {
            cart[index].quantity += 1
        } else {
            cart.append(
                ShopCartLine(slug: product.slug, name: product.name, options: options, quantity: 1, unitCents: product.priceCents))
        }
    }

    mutating func removeLine(_ index: Int) {
        if cart.indices.contains(index) { cart.remove(at: index) }
    }

    /// Places the order from the cart and the form; returns its number.
    mutating func placeOrder() -> Int {
        let number = (allOrdersNewestFirst.first?.number ?? ShopCatalogue.firstOrderNumber) + 1
        let express = shippingMethod.hasPrefix("Express")
        let order = ShopOrder(
            number: number, day: catalogue.today, status: "Pending", lines: cart, shippingCents: express ? 1500 : 500,
            fullName: value(.fullName), street: value(.street), city: value(.city), postcode: value(.postcode))
        placedOrders.append(order)
        cart = []
        return number
    }

    func value(_ field: ShopField) -> String {
        (fields[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var cartCount: Int { cart.reduce(0) { $0 + $1.quantity } }

    mutating func finish(with message: String) {
        answer = message
        isDone = true
    }

    mutating func countInvalid() { invalidActions += 1 }
}
