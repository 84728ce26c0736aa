import CBLAS
import Foundation

/// The dense arithmetic of the encoder: products through OpenBLAS, the rest as plain loops over
/// contiguous rows that the compiler vectorises.
enum DenseKernels {
    /// `output[rows × outputs] = input[rows × inputs] · weight[outputs × inputs]ᵀ + bias (+ residual)`.
    static func linear(
        _ input: UnsafePointer<Float>, rows: Int, inputs: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        outputs: Int, residual: UnsafePointer<Float>? = nil, into output: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows {
            let target = output + row * outputs
            if let residual {
                let source = residual + row * outputs
                for column in 0..<outputs { target[column] = source[column] + bias[column] }
            } else {
                target.update(from: bias, count: outputs)
            }
        }
        rb_sgemm(0, 1, Int32(rows), Int32(outputs), Int32(inputs), 1, input, Int32(inputs), weight, Int32(inputs), 1, output, Int32(outputs))
    }

    /// Normalises each row of `values` in place to zero mean and unit variance, then scales and shifts.
    static func layerNorm(
        _ values: UnsafeMutablePointer<Float>, rows: Int, width: Int, weight: UnsafePointer<Float>,
        bias: UnsafePointer<Float>, epsilon: Float
    ) {
        for row in 0..<rows {
            let line = values + row * width
            var sum: Float = 0
            for column in 0..<width { sum += line[column] }
            let mean = sum / Float(width)
            var squares: Float = 0
            for column in 0..<width {
                let centred = line[column] - mean
                squares += centred * centred
            }
            let scale = 1 / (squares / Float(width) + epsilon).squareRoot()
            for column in 0..<width { line[column] = (line[column] - mean) * scale * weight[column] + bias[column] }
        }
    }

    /// The exact GELU, `x · Φ(x) = x/2 · (1 + erf(x/√2))`, in place.
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRoot2: Float = 0.707_106_781_186_547_5
        for index in 0..<count {
            let x = values[index]
            values[index] = 0.5 * x * (1 + erff(x * inverseRoot2))
        }
    }

    /// Softmax of each row of a `rows × width` matrix, in place.
    static func softmaxRows(_ values: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        for row in 0..<rows {
            let line = values + row * width
            var largest = -Float.infinity
            for column in 0..<width { largest = max(largest, line[column]) }
            var sum: Float = 0
            for column in 0..<width {
                let e = expf(line[column] - largest)
                line[column] = e
                sum += e
            }
            let inverse = 1 / sum
            for column in 0..<width { line[column] *= inverse }
        }
    }
}
