import Foundation

/// The weights of all-MiniLM-L6-v2 (BERT, 6 layers, hidden 384, 12 heads, intermediate 1536), read
/// in place from a memory-mapped `model.safetensors`. Only each layer's query, key and value matrices
/// are copied, once, into one fused matrix so the three projections are a single product.
///
/// `@unchecked Sendable`: every buffer points into the read-only mapping owned by `file` (kept alive
/// here) or into arrays that are never mutated after `init`.
final class MiniLMWeights: @unchecked Sendable {
    static let hidden = 384
    static let heads = 12
    static let headSize = 32
    static let intermediate = 1536
    static let layerCount = 6
    static let maxPositions = 512
    static let vocabularySize = 30522
    static let layerNormEpsilon: Float = 1e-12

    /// One encoder layer.
    struct Layer {
        /// Query, key and value weights stacked: [1152 × 384], rows are output features.
        var qkv: [Float]
        var qkvBias: [Float]
        var output: UnsafeBufferPointer<Float>  // [384 × 384]
        var outputBias: UnsafeBufferPointer<Float>
        var attentionNormWeight: UnsafeBufferPointer<Float>
        var attentionNormBias: UnsafeBufferPointer<Float>
        var up: UnsafeBufferPointer<Float>  // [1536 × 384]
        var upBias: UnsafeBufferPointer<Float>
        var down: UnsafeBufferPointer<Float>  // [384 × 1536]
        var downBias: UnsafeBufferPointer<Float>
        var outputNormWeight: UnsafeBufferPointer<Float>
        var outputNormBias: UnsafeBufferPointer<Float>
    }

    let file: SafetensorsFile
    let wordEmbeddings: UnsafeBufferPointer<Float>  // [30522 × 384]
    let positionEmbeddings: UnsafeBufferPointer<Float>  // [512 × 384]
    let tokenTypeEmbeddings: UnsafeBufferPointer<Float>  // [2 × 384]
    let embeddingNormWeight: UnsafeBufferPointer<Float>
    let embeddingNormBias: UnsafeBufferPointer<Float>
    let layers: [Layer]

    /// Reads and checks every tensor the encoder uses; throws `ModelFileError` naming any that is wrong.
    init(file: SafetensorsFile) throws {
        self.file = file
        let h = Self.hidden
        wordEmbeddings = try file.floats("embeddings.word_embeddings.weight", shape: [Self.vocabularySize, h])
        positionEmbeddings = try file.floats("embeddings.position_embeddings.weight", shape: [Self.maxPositions, h])
        tokenTypeEmbeddings = try file.floats("embeddings.token_type_embeddings.weight", shape: [2, h])
        embeddingNormWeight = try file.floats("embeddings.LayerNorm.weight", shape: [h])
        embeddingNormBias = try file.floats("embeddings.LayerNorm.bias", shape: [h])
        layers = try (0..<Self.layerCount).map { index in
            let prefix = "encoder.layer.\(index)."
            func tensor(_ name: String, _ shape: [Int]) throws -> UnsafeBufferPointer<Float> {
                try file.floats(prefix + name, shape: shape)
            }
            let query = try tensor("attention.self.query.weight", [h, h])
            let key = try tensor("attention.self.key.weight", [h, h])
            let value = try tensor("attention.self.value.weight", [h, h])
            let queryBias = try tensor("attention.self.query.bias", [h])
            let keyBias = try tensor("attention.self.key.bias", [h])
            let valueBias = try tensor("attention.self.value.bias", [h])
            return Layer(
                qkv: Array(query) + Array(key) + Array(value), qkvBias: Array(queryBias) + Array(keyBias) + Array(valueBias),
                output: try tensor("attention.output.dense.weight", [h, h]),
                outputBias: try tensor("attention.output.dense.bias", [h]),
                attentionNormWeight: try tensor("attention.output.LayerNorm.weight", [h]),
                attentionNormBias: try tensor("attention.output.LayerNorm.bias", [h]),
                up: try tensor("intermediate.dense.weight", [Self.intermediate, h]),
                upBias: try tensor("intermediate.dense.bias", [Self.intermediate]),
                down: try tensor("output.dense.weight", [h, Self.intermediate]),
                downBias: try tensor("output.dense.bias", [h]),
                outputNormWeight: try tensor("output.LayerNorm.weight", [h]),
                outputNormBias: try tensor("output.LayerNorm.bias", [h]))
        }
    }
}
