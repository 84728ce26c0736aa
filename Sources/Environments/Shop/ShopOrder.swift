import Foundation

/// A customer order: a past one from the account history, or one placed during a session.
public struct ShopOrder: Sendable, Hashable {
    /// The order number, shown as `#000117`.
    public var number: Int
    /// Days since 1970-01-01.
    public var day: Int
    /// `Complete`, `Canceled`, `Processing`, or `Pending` for orders placed in a session.
    public var status: String
    /// What was ordered.
    public var lines: [ShopCartLine]
    /// The shipping charge, in cents.
    public var shippingCents: Int
    /// Shipped to: name.
    public var fullName: String
    /// Shipped to: street.
    public var street: String
    /// Shipped to: city.
    public var city: String
    /// Shipped to: postcode.
    public var postcode: String

    /// The sum of the lines, in cents.
    public var subtotalCents: Int { lines.reduce(0) { $0 + $1.totalCents } }
    /// The grand total (subtotal and shipping), in cents.
    public var totalCents: Int { subtotalCents + shippingCents }
    /// The date as the site shows it, e.g. `March 14, 2024`.
    public var dateText: String { ShopText.date(days: day) }
    /// `#000117`.
    public var label: String { "#" + ShopText.orderNumber(number) }
}
