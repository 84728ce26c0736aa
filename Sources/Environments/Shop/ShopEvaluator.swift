import Foundation

/// How a task is checked at the end of the episode.
public enum ShopEvaluator: Sendable, Hashable, Codable {
    /// The message to the user holds exactly one number, equal to `expected`.
    case answer(expected: String)
    /// The final page's path equals `path` (the query string is ignored).
    case url(path: String)
    /// The cart holds the product with exactly these options.
    case cart(slug: String, options: [String: String])
    /// An order placed in the session holds the product with these options, shipped to this address.
    case order(slug: String, options: [String: String], street: String, city: String, postcode: String)

    private enum CodingKeys: String, CodingKey {
        case kind, expected, url, product, options, street, city, postcode
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "answer": self = .answer(expected: try container.decode(String.self, forKey: .expected))
        case "url": self = .url(path: try container.decode(String.self, forKey: .url))
        case "cart":
            self = .cart(
                slug: try container.decode(String.self, forKey: .product),
                options: try container.decode([String: String].self, forKey: .options))
        case "order":
            self = .order(
                slug: try container.decode(String.self, forKey: .product),
                options: try container.decode([String: String].self, forKey: .options),
                street: try container.decode(String.self, forKey: .street),
                city: try container.decode(String.self, forKey: .city),
                postcode: try container.decode(String.self, forKey: .postcode))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown evaluator kind \"\(kind)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .answer(let expected):
            try container.encode("answer", forKey: .kind)
            try container.encode(expected, forKey: .expected)
        case .url(let path):
            try container.encode("url", forKey: .kind)
            try container.encode(path, forKey: .url)
        case .cart(let slug, let options):
            try container.encode("cart", forKey: .kind)
            try container.encode(slug, forKey: .product)
            try container.encode(options, forKey: .options)
        case .order(let slug, let options, let street, let city, let postcode):
            try container.encode("order", forKey: .kind)
            try container.encode(slug, forKey: .product)
            try container.encode(options, forKey: .options)
            try container.encode(street, forKey: .street)
            try container.encode(city, forKey: .city)
            try container.encode(postcode, forKey: .postcode)
        }
    }
}
