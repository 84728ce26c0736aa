import Foundation

/// A dense embedder blended with a lexical one: each text's two vectors, each at unit length, scaled by
/// √(1 − w) and √w and laid end to end. The result has unit length, and the cosine of two such vectors is
/// exactly `(1 − w) · cos(dense) + w · cos(lexical)`, so exact retrieval over them ranks by that blend
/// with no change to the index. (Dense + sparse "hybrid" retrieval: the model's meaning, plus the words.)
public struct HybridEmbedder: Embedder {
    public let dense: any Embedder
    public let lexical: any Embedder
    /// The lexical cosine's share of the similarity, from 0 to 1.
    public let lexicalWeight: Double
    /// rbank's default share, measured for all-MiniLM-L6-v2 + hashing-384 on the QA and shop suites: from
    /// 0.2 up it finds a same-template task for every task among all the others, from 0.35 up it retrieves
    /// a same-template experience in the closed loop as often as hashing does (`make bench`), and up to
    /// 0.45 it finds reworded tasks as well as MiniLM alone (`MiniLMRetrievalQualityTests` prints the sweep).
    public static let defaultLexicalWeight = 0.4

    /// Blends `dense` with `lexical`, the lexical cosine weighing `lexicalWeight` (clamped to 0…1).
    public init(dense: any Embedder, lexical: any Embedder, lexicalWeight: Double) {
        self.dense = dense
        self.lexical = lexical
        self.lexicalWeight = lexicalWeight.isFinite ? min(1, max(0, lexicalWeight)) : 0
    }

    /// `dense+lexical@weight`, e.g. `all-MiniLM-L6-v2+hashing-384@0.4`: stored embeddings of another
    /// blend are not comparable, so the weight is part of the name.
    public var name: String { "\(dense.name)+\(lexical.name)@\(Self.format(lexicalWeight))" }
    public var dimension: Int { dense.dimension + lexical.dimension }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        async let denseVectors = dense.embed(texts)
        async let lexicalVectors = lexical.embed(texts)
        let (meaning, words) = try await (denseVectors, lexicalVectors)
        let denseScale = Float((1 - lexicalWeight).squareRoot())
        let lexicalScale = Float(lexicalWeight.squareRoot())
        return texts.indices.map { index in
            Self.unit(index < meaning.count ? meaning[index] : [], count: dense.dimension, scale: denseScale)
                + Self.unit(index < words.count ? words[index] : [], count: lexical.dimension, scale: lexicalScale)
        }
    }

    /// `vector` at length `scale` (zeros when it is zero or not `count` long).
    static func unit(_ vector: [Float], count: Int, scale: Float) -> [Float] {
        guard vector.count == count else { return [Float](repeating: 0, count: count) }
        let norm = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { return [Float](repeating: 0, count: count) }
        return vector.map { $0 / norm * scale }
    }

    /// The weight's shortest decimal form: 0.3, not 0.30000000000000004.
    public static func format(_ weight: Double) -> String {
        var text = String(format: "%.4f", weight)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
