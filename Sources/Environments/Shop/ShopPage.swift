import Foundation

/// A rendered page: its title, URL, the tree's lines and the elements by id.
struct ShopPage: Sendable {
    var title: String
    var url: ShopURL
    var lines: [String] = []
    /// Index `id - 1` holds element `id`.
    var elements: [ShopElement] = []

    init(title: String, url: ShopURL) {
        self.title = title
        self.url = url
    }

    func element(_ id: Int) -> ShopElement? {
        id >= 1 && id <= elements.count ? elements[id - 1] : nil
    }

    /// Adds a non-actionable line, e.g. `text(1, "heading 'My Orders'")`.
    mutating func text(_ depth: Int, _ line: String) {
        lines.append(String(repeating: "  ", count: depth) + line)
    }

    /// Adds a `StaticText '…'` line.
    mutating func staticText(_ depth: Int, _ content: String) {
        text(depth, "StaticText '\(content)'")
    }

    /// Adds an actionable element and returns its id.
    @discardableResult
    mutating func element(
        _ depth: Int, _ role: ShopElement.Role, _ label: String, value: String? = nil, options: [String] = [],
        command: ShopElement.Command
    ) -> Int {
        let id = elements.count + 1
        elements.append(ShopElement(id: id, role: role, label: label, options: options, command: command))
        var line = "[\(id)] \(role.rawValue) '\(label)'"
        if let value { line += " value: '\(value)'" }
        if !options.isEmpty { line += " options: " + options.joined(separator: ", ") }
        text(depth, line)
        return id
    }
}
