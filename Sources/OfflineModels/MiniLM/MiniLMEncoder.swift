import CBLAS
import Foundation

/// The forward pass of all-MiniLM-L6-v2 over a batch of token sequences, then mean pooling over
/// each sequence's tokens and L2 normalisation.
///
/// The batch is packed, not padded: the dense layers run over every real token of the batch at once
/// (one matrix product each), and attention runs per sequence and head over its own tokens only.
/// Padded tokens, which a padded batch computes and then masks out, are never computed.
struct MiniLMEncoder: Sendable {
    let weights: MiniLMWeights

    /// One 384-number unit vector per sequence (each sequence 1...512 ids below the vocabulary size).
    func embed(_ sequences: [[Int32]]) -> [[Float]] {
        guard !sequences.isEmpty else { return [] }
        let h = MiniLMWeights.hidden
        let fused = 3 * h
        let wide = MiniLMWeights.intermediate
        var offsets: [Int] = []
        var total = 0
        for sequence in sequences {
            offsets.append(total)
            total += sequence.count
        }
        let longest = sequences.map(\.count).max() ?? 0
        var x = [Float](repeating: 0, count: total * h)
        var attended = [Float](repeating: 0, count: total * h)
        var context = [Float](repeating: 0, count: total * h)
        var qkv = [Float](repeating: 0, count: total * fused)
        var up = [Float](repeating: 0, count: total * wide)
        var scores = [Float](repeating: 0, count: longest * longest)
        let scale = 1 / Float(MiniLMWeights.headSize).squareRoot()

        x.withUnsafeMutableBufferPointer { x in
            embedTokens(sequences, offsets: offsets, into: x.baseAddress!)
            for layer in weights.layers {
                qkv.withUnsafeMutableBufferPointer { qkv in
                    DenseKernels.linear(
                        x.baseAddress!, rows: total, inputs: h, weight: layer.qkv, bias: layer.qkvBias, outputs: fused,
                        into: qkv.baseAddress!)
                    context.withUnsafeMutableBufferPointer { context in
                        scores.withUnsafeMutableBufferPointer { scores in
                            for (index, sequence) in sequences.enumerated() {
                                attend(
                                    qkv: qkv.baseAddress! + offsets[index] * fused, length: sequence.count, scale: scale,
                                    scores: scores.baseAddress!, into: context.baseAddress! + offsets[index] * h)
                            }
                        }
                    }
                }
                attended.withUnsafeMutableBufferPointer { attended in
                    DenseKernels.linear(
                        context, rows: total, inputs: h, weight: layer.output.baseAddress!,
                        bias: layer.outputBias.baseAddress!, outputs: h, residual: x.baseAddress!, into: attended.baseAddress!)
                    DenseKernels.layerNorm(
                        attended.baseAddress!, rows: total, width: h, weight: layer.attentionNormWeight.baseAddress!,
                        bias: layer.attentionNormBias.baseAddress!, epsilon: MiniLMWeights.layerNormEpsilon)
                    up.withUnsafeMutableBufferPointer { up in
                        DenseKernels.linear(
                            attended.baseAddress!, rows: total, inputs: h, weight: layer.up.baseAddress!,
                            bias: layer.upBias.baseAddress!, outputs: wide, into: up.baseAddress!)
                        DenseKernels.gelu(up.baseAddress!, count: total * wide)
                        DenseKernels.linear(
                            up.baseAddress!, rows: total, inputs: wide, weight: layer.down.baseAddress!,
                            bias: layer.downBias.baseAddress!, outputs: h, residual: attended.baseAddress!, into: x.baseAddress!)
                    }
                    DenseKernels.layerNorm(
                        x.baseAddress!, rows: total, width: h, weight: layer.outputNormWeight.baseAddress!,
                        bias: layer.outputNormBias.baseAddress!, epsilon: MiniLMWeights.layerNormEpsilon)
                }
            }
        }
        return sequences.indices.map { index in pool(x, offset: offsets[index], length: sequences[index].count) }
    }

    /// Word + position + token-type-0 embeddings of every token, layer-normalised.
    private func embedTokens(_ sequences: [[Int32]], offsets: [Int], into x: UnsafeMutablePointer<Float>) {
        let h = MiniLMWeights.hidden
        let words = weights.wordEmbeddings.baseAddress!
        let positions = weights.positionEmbeddings.baseAddress!
        let tokenType = weights.tokenTypeEmbeddings.baseAddress!
        for (index, sequence) in sequences.enumerated() {
            for (position, id) in sequence.enumerated() {
                let row = x + (offsets[index] + position) * h
                let word = words + Int(id) * h
                let place = positions + position * h
                for column in 0..<h { row[column] = word[column] + place[column] + tokenType[column] }
            }
        }
        DenseKernels.layerNorm(
            x, rows: offsets.last! + sequences.last!.count, width: h, weight: weights.embeddingNormWeight.baseAddress!,
            bias: weights.embeddingNormBias.baseAddress!, epsilon: MiniLMWeights.layerNormEpsilon)
    }

    /// Multi-head self-attention of one sequence: reads its rows of the fused query/key/value matrix and
    /// writes its rows of the context matrix.
    private func attend(
        qkv: UnsafeMutablePointer<Float>, length: Int, scale: Float, scores: UnsafeMutablePointer<Float>,
        into context: UnsafeMutablePointer<Float>
    ) {
        let h = MiniLMWeights.hidden
        let fused = Int32(3 * h)
        let size = MiniLMWeights.headSize
        let n = Int32(length)
        for head in 0..<MiniLMWeights.heads {
            let query = qkv + head * size
            let key = query + h
            let value = query + 2 * h
            rb_sgemm(0, 1, n, n, Int32(size), scale, query, fused, key, fused, 0, scores, n)
            DenseKernels.softmaxRows(scores, rows: length, width: length)
            rb_sgemm(0, 0, n, Int32(size), n, 1, scores, n, value, fused, 0, context + head * size, Int32(h))
        }
    }

    /// The mean of a sequence's token vectors, scaled to unit length.
    private func pool(_ x: [Float], offset: Int, length: Int) -> [Float] {
        let h = MiniLMWeights.hidden
        var mean = [Float](repeating: 0, count: h)
        for position in 0..<length {
            let base = (offset + position) * h
            for column in 0..<h { mean[column] += x[base + column] }
        }
        var norm: Float = 0
        for column in 0..<h {
            mean[column] /= Float(length)
            norm += mean[column] * mean[column]
        }
        let inverse = 1 / max(norm.squareRoot(), 1e-12)
        return mean.map { $0 * inverse }
    }
}
