import Foundation
import ReasoningBank

/// The stored 8-bit form of one query embedding, `query_code.code`: the scale and the unit vector's L1
/// norm as Float32 little-endian, then one signed byte per number (`EmbeddingMatrix.RowCode`). Empty when
/// the stored vector is unusable (missing, or not whole Float32 numbers).
enum QueryCode {
    /// Bytes before the codes: scale and L1 norm.
    static let headerSize = 8

    /// Bytes of the stored form of a vector of `dimension` numbers.
    static func byteCount(dimension: Int) -> Int { headerSize + dimension }

    /// The stored form of a `query_vector.vector` blob (Float32 little-endian).
    static func encode(vectorBytes: Data?) -> Data {
        guard let vectorBytes, !vectorBytes.isEmpty, vectorBytes.count % 4 == 0 else { return Data() }
        let vector = EmbeddingVector.decodeFloats(vectorBytes)
        let code = EmbeddingMatrix(dimension: vector.count, holdsExactRows: false).rowCode(of: vector)
        var data = Data(capacity: byteCount(dimension: vector.count))
        for number in [code.scale, code.absoluteSum] {
            withUnsafeBytes(of: number.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        code.codes.withUnsafeBytes { data.append(contentsOf: $0) }
        return data
    }

    /// Appends the row of `key` to `index` from its stored form; false, appending nothing, when the form
    /// is not one for the index's dimension or not a valid one.
    static func append(_ bytes: UnsafeRawBufferPointer, key: Int64, to index: inout QueryIndex) -> Bool {
        guard bytes.count == byteCount(dimension: index.dimension) else { return false }
        let scale = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
        let sum = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
        return index.appendCoded(
            key: key, codes: UnsafeRawBufferPointer(rebasing: bytes[headerSize...]), scale: scale, absoluteSum: sum)
    }
}
