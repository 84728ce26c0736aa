import Foundation

/// A shop observation as the simulated agent reads it: title, URL, the tree lines, the error line
/// and the scroll hints. Total: any text gives a (possibly empty) view.
struct ShopView: Sendable {
    /// A product link of a listing with the summary line under it.
    struct Listed: Sendable, Hashable {
        var id: String
        var name: String
        var price: Double?
        var rating: Double?
    }

    /// One row of the My Orders table.
    struct OrderRow: Sendable, Hashable {
        var number: String
        var date: String
        var total: String
        /// The id of its `View Order` link, when shown.
        var linkID: String?
    }

    var title: String
    var url: String
    var nodes: [ShopViewNode]
    /// The first `Error: …` line (also inside a `StaticText`), if any.
    var error: String?
    /// The scroll offset from `… N lines above.` (0 when at the top).
    var offset: Int
    /// The index (among the observation's lines) of the first tree line.
    var treeStart: Int
    /// Whether a `… more lines below.` hint is shown.
    var hasMoreBelow: Bool

    init(_ text: String) {
        let lines = text.components(separatedBy: "\n")
        var title = ""
        var url = ""
        var nodes: [ShopViewNode] = []
        var error: String?
        var offset = 0
        var treeStart: Int?
        var more = false
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if title.isEmpty, line.hasPrefix("Title: ") { title = String(line.dropFirst(7)); continue }
            if url.isEmpty, line.hasPrefix("URL: ") { url = String(line.dropFirst(5)); continue }
            if error == nil, line.hasPrefix("Error:") { error = line }
            guard let node = ShopViewNode(line: raw, index: index) else { continue }
            if node.role == "StaticText", node.label.contains("lines above") {
                offset = Int(node.label.filter(\.isNumber)) ?? 0
                treeStart = index + 1
                continue
            }
            if node.role == "StaticText", node.label.contains("more lines below") {
                more = true
                continue
            }
            if error == nil, node.label.hasPrefix("Error:") { error = node.label }
            if treeStart == nil, node.id == "1" { treeStart = index }
            nodes.append(node)
        }
        self.title = title
        self.url = url
        self.nodes = nodes
        self.error = error
        self.offset = offset
        self.treeStart = treeStart ?? 0
        self.hasMoreBelow = more
    }

    /// The URL's path (`/account/orders`), without host and query.
    var path: String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        return rest.isEmpty ? "/" : String(rest)
    }

    /// A query parameter of the URL (`page`, `sort`, `q`).
    func parameter(_ name: String) -> String? {
        guard let query = url.firstIndex(of: "?") else { return nil }
        for pair in url[url.index(after: query)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == name {
                return parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[1])
            }
        }
        return nil
    }

    var isProductPage: Bool { path.hasPrefix("/product/") }
    var isSearchPage: Bool { path == "/search" }
    var isCategoryPage: Bool { path.hasPrefix("/category/") }
    var isListing: Bool { isSearchPage || isCategoryPage }
    var isOrdersList: Bool { path == "/account/orders" }
    var isOrderDetails: Bool { path.hasPrefix("/account/orders/") }
    var isCart: Bool { path == "/cart" }
    var isCheckout: Bool { path == "/checkout" }
    var isOrderPlaced: Bool { path.hasPrefix("/checkout/success") || title == "Order Confirmation" }

    /// The item count of the header's cart link.
    var cartCount: Int {
        guard let link = nodes.first(where: { $0.role == "link" && $0.label.hasPrefix("Cart (") }) else { return 0 }
        return Int(link.label.filter(\.isNumber)) ?? 0
    }

    /// The first element with this role whose label is `label` (case-insensitive).
    func element(_ role: String, _ label: String) -> ShopViewNode? {
        nodes.first { $0.id != nil && $0.role == role && $0.isLabelled(label) }
    }

    /// The id of the element with this role and label, or `fallback` (the header's fixed ids).
    func id(_ role: String, _ label: String, fallback: String? = nil) -> String? {
        element(role, label)?.id ?? fallback
    }

    /// Whether a static text or row contains `text` (case-insensitive).
    func shows(_ text: String) -> Bool {
        nodes.contains { $0.label.range(of: text, options: .caseInsensitive) != nil }
    }

    /// The static text that starts with `prefix`, without the prefix.
    func text(after prefix: String) -> String? {
        for node in nodes where node.id == nil && node.label.hasPrefix(prefix) {
            return String(node.label.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The product links of a listing (each followed by its `Price: … | Rating: …` line).
    var listed: [Listed] {
        var result: [Listed] = []
        for (index, node) in nodes.enumerated() where node.role == "link" && node.id != nil && index + 1 < nodes.count {
            let next = nodes[index + 1]
            guard next.id == nil, next.label.hasPrefix("Price:"), let id = node.id else { continue }
            let parts = next.label.components(separatedBy: "|")
            let price = parts.first.flatMap { ShopNumbers.first(in: $0) }
            let rating = parts.count > 1 ? ShopNumbers.first(in: parts[1]) : nil
            result.append(Listed(id: id, name: node.label, price: price, rating: rating))
        }
        return result
    }

    /// The rows of the My Orders table.
    var orderRows: [OrderRow] {
        var rows: [OrderRow] = []
        for node in nodes {
            if node.role == "row", node.label.hasPrefix("#") {
                let cells = node.label.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 3 else { continue }
                rows.append(OrderRow(number: cells[0], date: cells[1], total: cells[2], linkID: nil))
            } else if node.role == "link", let id = node.id, node.label.hasPrefix("View Order "), !rows.isEmpty,
                rows[rows.count - 1].linkID == nil, node.label.hasSuffix(rows[rows.count - 1].number)
            {
                rows[rows.count - 1].linkID = id
            }
        }
        return rows
    }

    /// The comboboxes of a product page (not the listing's sort or the checkout's shipping method).
    var optionBoxes: [ShopViewNode] {
        nodes.filter { $0.role == "combobox" && $0.id != nil && !$0.isLabelled("Sort by") && !$0.isLabelled("Shipping method") }
    }

    /// Review lines (`Review 3 of 38 by …: K of 5 stars. …`, or `Review by …`) with an identity:
    /// the review's number when the line shows one, else its position on the whole page.
    var reviews: [(position: Int, stars: Int)] {
        nodes.compactMap { node in
            guard node.id == nil, node.label.hasPrefix("Review "),
                let range = node.label.range(of: " of 5 stars")
            else { return nil }
            let before = node.label[..<range.lowerBound]
            let digits = before.reversed().prefix { $0.isNumber }
            guard let stars = Int(String(digits.reversed())) else { return nil }
            let afterWord = node.label.dropFirst("Review ".count)
            if let number = Int(afterWord.prefix { $0.isNumber }) { return (number, stars) }
            return (offset + node.line - treeStart, stars)
        }
    }
}
