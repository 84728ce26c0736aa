import Foundation

/// An embedding as stored in the cache: its numbers and the precision they need to round-trip.
///
/// Vectors whose every number is the shortest decimal of a `Float` are stored as Float32
/// (little-endian); any other vector (e.g. Python doubles with 17 digits) is stored as Float64 so that
/// exporting it reproduces the same numbers exactly.
struct EmbeddingVector: Sendable, Equatable {
    enum Precision: String, Sendable {
        case float32 = "f32"
        case float64 = "f64"
    }

    var values: [Double]
    var precision: Precision

    /// Chooses the narrowest precision that writes every value back unchanged.
    init(exactly values: [Double]) {
        self.values = values
        let fitsFloat = values.allSatisfy { value in
            let narrow = Float(value)
            return narrow.isFinite && Double(narrow.description) == value
        }
        precision = fitsFloat ? .float32 : .float64
    }

    init(floats: [Float]) {
        values = floats.map(Double.init)
        precision = .float32
    }

    init?(blob: Data, precision: Precision) {
        self.precision = precision
        switch precision {
        case .float32: values = Self.decodeFloats(blob).map(Double.init)
        case .float64:
            guard blob.count % 8 == 0 else { return nil }
            values = blob.withUnsafeBytes { raw in
                stride(from: 0, to: raw.count, by: 8).map { offset in
                    Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                }
            }
        }
    }

    /// The numbers as `Float`s, for the engine.
    var floats: [Float] { values.map(Float.init) }

    /// The vector in its storage precision, little-endian.
    var blob: Data {
        switch precision {
        case .float32:
            return Self.encodeFloats(floats)
        case .float64:
            var data = Data(capacity: values.count * 8)
            for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
            return data
        }
    }

    /// The numbers for `JSONText.string`, each written as the shortest decimal that reads back exactly
    /// in the storage precision (`Float` or `Double`).
    var json: [NSNumber] {
        switch precision {
        case .float32: values.map { JSONText.number(Float($0)) }
        case .float64: values.map { JSONText.number($0) }
        }
    }

    /// Whether every number is finite (JSON has no NaN or infinity).
    var isFinite: Bool { values.allSatisfy(\.isFinite) }

    /// Float32 little-endian bytes, the format of `experience.query_embedding`.
    static func encodeFloats(_ floats: [Float]) -> Data {
        var data = Data(capacity: floats.count * 4)
        for value in floats { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// Reads Float32 little-endian bytes (a trailing partial number is ignored).
    static func decodeFloats(_ data: Data) -> [Float] {
        data.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count - raw.count % 4, by: 4).map { offset in
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            }
        }
    }
}
