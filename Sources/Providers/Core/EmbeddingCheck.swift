import Foundation

/// Checks and normalises vectors from an embedding endpoint: one per input, each of the configured
/// length, finite, and L2-normalised (Gemini's truncated vectors are not; the engine expects unit length).
enum EmbeddingCheck {
    static func finish(_ vectors: [[Float]], inputs: Int, dimension: Int, context: ProviderContext) throws -> [[Float]] {
        guard vectors.count == inputs else {
            throw context.malformed("asked for \(inputs) embeddings, received \(vectors.count)")
        }
        return try vectors.map { vector in
            guard vector.count == dimension else {
                throw ProviderError(
                    kind: .configuration, provider: context.name,
                    message: "\(context.model) returned vectors of length \(vector.count), but EMBEDDING_DIMENSION is \(dimension)",
                    advice: "Set EMBEDDING_DIMENSION=\(vector.count), or choose a model that can shorten its vectors to \(dimension).")
            }
            guard vector.allSatisfy(\.isFinite) else { throw context.malformed("an embedding contains a value that is not finite") }
            let norm = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? vector.map { $0 / norm } : vector
        }
    }

    /// Packed little-endian float32, as OpenAI sends with `encoding_format: base64`.
    static func decodeBase64(_ text: String) -> [Float]? {
        guard let data = Data(base64Encoded: text), data.count % 4 == 0 else { return nil }
        var vector = [Float]()
        vector.reserveCapacity(data.count / 4)
        var index = data.startIndex
        while index < data.endIndex {
            let bits = UInt32(data[index]) | UInt32(data[index + 1]) << 8 | UInt32(data[index + 2]) << 16
                | UInt32(data[index + 3]) << 24
            vector.append(Float(bitPattern: bits))
            index += 4
        }
        return vector
    }
}
