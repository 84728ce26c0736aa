import Foundation
import ReasoningBank

/// A zero-download embedder: deterministic feature hashing of lower-cased word unigrams, word
/// bigrams and character trigrams into signed buckets (FNV-1a 64), with sublinear term frequency
/// (`1 + ln tf`), L2-normalised.
///
/// The same text gives bit-identical vectors in every process. Texts with no letters or digits
/// (including the empty text) have no features and map to the all-zero vector, whose cosine
/// similarity with anything is taken to be 0; it is the only vector that is not unit length.
public struct HashingEmbedder: Embedder {
    /// The vector length (at least 1).
    public let dimension: Int

    /// `hashing-<dimension>`, recorded with every stored embedding.
    public var name: String { "hashing-\(dimension)" }

    /// Weight of a word unigram feature.
    static let unigramWeight = 1.0
    /// Weight of a word bigram feature.
    static let bigramWeight = 0.7
    /// Weight of a character trigram feature.
    static let trigramWeight = 0.35

    /// An embedder with `dimension` buckets (default 384, clamped to at least 1).
    public init(dimension: Int = 384) {
        self.dimension = max(1, dimension)
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map(vector(for:))
    }

    /// The embedding of one text, synchronously.
    public func vector(for text: String) -> [Float] {
        let features = Self.features(of: text)
        guard !features.isEmpty else { return [Float](repeating: 0, count: dimension) }
        var accumulator = [Double](repeating: 0, count: dimension)
        // Sorted keys fix the order of floating-point additions, so vectors are bit-identical.
        for key in features.keys.sorted() {
            guard let feature = features[key] else { continue }
            let hash = StableHash.fnv1a64(key)
            let bucket = Int(hash % UInt64(dimension))
            let sign: Double = (hash >> 63) == 0 ? 1 : -1
            accumulator[bucket] += sign * feature.weight * (1 + log(Double(feature.count)))
        }
        let norm = accumulator.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return [Float](repeating: 0, count: dimension) }
        return accumulator.map { Float($0 / norm) }
    }

    /// Lower-cased runs of letters and digits.
    static func tokens(of text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
    }

    /// Every feature of `text` with its weight and count, keyed by a namespaced feature string.
    static func features(of text: String) -> [String: (weight: Double, count: Int)] {
        var features: [String: (weight: Double, count: Int)] = [:]
        func add(_ key: String, _ weight: Double) {
            features[key, default: (weight, 0)].count += 1
        }
        let words = tokens(of: text)
        for (index, word) in words.enumerated() {
            add("u:" + word, unigramWeight)
            if index + 1 < words.count { add("b:" + word + " " + words[index + 1], bigramWeight) }
            let padded = Array("<" + word + ">")
            if padded.count >= 3 {
                for start in 0...(padded.count - 3) {
                    add("c:" + String(padded[start..<(start + 3)]), trigramWeight)
                }
            }
        }
        return features
    }
}
