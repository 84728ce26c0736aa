import Foundation

/// One line of a cart or an order: a product with its chosen options and a quantity.
public struct ShopCartLine: Sendable, Hashable {
    /// The product's slug.
    public var slug: String
    /// The product's name.
    public var name: String
    /// Option name → choice, e.g. `["Colour": "Navy", "Size": "M"]`.
    public var options: [String: String]
    /// How many.
    public var quantity: Int
    /// The price of one, in cents.
    public var unitCents: Int

    /// The line's price, in cents.
    public var totalCents: Int { unitCents * quantity }

    /// `Colour: Navy, Size: M` (Colour first).
    public var optionsText: String {
        options.keys.sorted().map { "\($0): \(options[$0] ?? "")" }.joined(separator: ", ")
    }

    /// The row text of carts and orders: `Name | Colour: Navy | Size: M | Qty: 1 | $64.99`.
    var rowText: String {
        ([name] + options.keys.sorted().map { "\($0): \(options[$0] ?? "")" } + ["Qty: \(quantity)", ShopText.money(totalCents)])
            .joined(separator: " | ")
    }
}
