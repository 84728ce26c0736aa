import Foundation

/// A customer review: who wrote it, 1–5 stars, and a short text.
public struct ShopReview: Sendable, Hashable {
    /// The reviewer, e.g. `Dana K.`.
    public var author: String
    /// 1 to 5.
    public var stars: Int
    /// The review's text.
    public var text: String
}
