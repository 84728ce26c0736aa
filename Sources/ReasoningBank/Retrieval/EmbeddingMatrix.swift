import Foundation

/// Vectors for exact nearest-neighbour search by cosine similarity: every row scaled to unit length and
/// held in one contiguous row-major Float32 matrix, with an 8-bit copy of each row for a fast first pass.
///
/// Rows are padded to a multiple of 16 numbers (with zeros) so the kernels read whole SIMD blocks. A
/// zero vector stays zero, and its similarity with anything is 0, as `Similarity.cosine` says.
/// The 8-bit copy only narrows the search; every score returned is exact (see `ranked(_:limit:)`).
public struct EmbeddingMatrix: Sendable {
    /// Numbers per vector.
    public let dimension: Int
    /// Numbers per stored row: `dimension` rounded up to a multiple of 16.
    let stride: Int
    /// Rows held.
    public private(set) var count = 0
    /// Unit rows, `stride` numbers each.
    var units: [Float] = []
    /// Each unit row as 8-bit codes: `codes[j] × scales[row] ≈ units[j]`, `stride` codes each.
    var codes: [Int8] = []
    var scales: [Float] = []
    /// Each unit row's L1 norm, for the bound on the 8-bit scores' error.
    var absoluteSums: [Float] = []
    /// `stride` zeros, appended as a block for each new row.
    private let zeroRow: [Float]

    /// An empty matrix for vectors of `dimension` numbers (at least 1).
    public init(dimension: Int) {
        self.dimension = max(1, dimension)
        stride = (self.dimension + 15) / 16 * 16
        zeroRow = [Float](repeating: 0, count: stride)
    }

    /// Makes room for `rows` rows in all.
    public mutating func reserveCapacity(_ rows: Int) {
        units.reserveCapacity(rows * stride)
        codes.reserveCapacity(rows * stride)
        scales.reserveCapacity(rows)
        absoluteSums.reserveCapacity(rows)
    }

    /// Appends `vector`; one of another length is stored as the zero vector (it matches nothing).
    public mutating func append(_ vector: [Float]) {
        if vector.count == dimension {
            vector.withUnsafeBytes { appendUnprepared(littleEndianFloats: $0) }
        } else {
            appendUnprepared(littleEndianFloats: nil)
        }
        finishAppending()
    }

    /// Appends `rows` vectors of `dimension` Float32 numbers each, read little-endian from `bytes`.
    public mutating func appendRows(littleEndianFloats bytes: UnsafeRawBufferPointer, rows: Int) {
        let size = dimension * 4
        for row in 0..<rows {
            let slice = bytes.count >= (row + 1) * size
                ? UnsafeRawBufferPointer(rebasing: bytes[(row * size)..<((row + 1) * size)]) : nil
            appendUnprepared(littleEndianFloats: slice)
        }
        finishAppending()
    }

    /// Appends one row as given (`dimension` little-endian Float32 numbers; nil or another size gives the
    /// zero vector) without normalising or coding it: `finishAppending()` must follow before ranking, and
    /// does every pending row at once, over all cores.
    public mutating func appendUnprepared(littleEndianFloats bytes: UnsafeRawBufferPointer?) {
        let offset = units.count
        units.append(contentsOf: zeroRow)
        count += 1
        guard let bytes, bytes.count == dimension * 4, let source = bytes.baseAddress else { return }
        units.withUnsafeMutableBufferPointer { units in
            #if _endian(little)
                UnsafeMutableRawPointer(units.baseAddress! + offset).copyMemory(from: source, byteCount: dimension * 4)
            #else
                for column in 0..<dimension {
                    let bits = bytes.loadUnaligned(fromByteOffset: column * 4, as: UInt32.self)
                    units[offset + column] = Float(bitPattern: UInt32(littleEndian: bits))
                }
            #endif
        }
    }

    /// Normalises and codes the rows appended since the last call.
    public mutating func finishAppending() {
        let first = scales.count
        guard first < count else { return }
        codes.append(contentsOf: repeatElement(0, count: (count - first) * stride))
        scales.append(contentsOf: repeatElement(0, count: count - first))
        absoluteSums.append(contentsOf: repeatElement(0, count: count - first))
        prepare(rows: first..<count)
    }

    /// Replaces row `row` with `vector` (the zero vector when its length is not `dimension`).
    public mutating func replaceRow(_ row: Int, with vector: [Float]) {
        guard row >= 0, row < count else { return }
        units.withUnsafeMutableBufferPointer { units in
            let target = units.baseAddress! + row * stride
            for column in 0..<stride {
                target[column] = vector.count == dimension && column < dimension ? vector[column] : 0
            }
        }
        prepare(rows: row..<(row + 1))
    }

    /// The unit vector of row `row`.
    public func unitRow(_ row: Int) -> [Float] {
        Array(units[(row * stride)..<(row * stride + dimension)])
    }

    /// Scales `rows` to unit length and fills in their 8-bit codes, splitting large ranges over the cores.
    private mutating func prepare(rows: Range<Int>) {
        let stride = self.stride
        let chunks = rows.count >= 4096 ? ProcessInfo.processInfo.activeProcessorCount : 1
        units.withUnsafeMutableBufferPointer { units in
            codes.withUnsafeMutableBufferPointer { codes in
                scales.withUnsafeMutableBufferPointer { scales in
                    absoluteSums.withUnsafeMutableBufferPointer { sums in
                        let u = WorkerAddress(units.baseAddress!)
                        let c = WorkerAddress(codes.baseAddress!)
                        let s = WorkerAddress(scales.baseAddress!)
                        let l = WorkerAddress(sums.baseAddress!)
                        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                            let lower = rows.lowerBound + rows.count * chunk / chunks
                            let upper = rows.lowerBound + rows.count * (chunk + 1) / chunks
                            for row in lower..<upper {
                                (s.base[row], l.base[row]) = Self.prepareRow(
                                    u.base + row * stride, codes: c.base + row * stride, stride: stride)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Normalises one row in place and writes its codes; returns its scale and L1 norm. Plain loops over
    /// four lanes each, which the compiler vectorises on any x86-64 or ARM64 baseline.
    private static func prepareRow(
        _ row: UnsafeMutablePointer<Float>, codes: UnsafeMutablePointer<Int8>, stride: Int
    ) -> (scale: Float, absoluteSum: Float) {
        var squares = (Float(0), Float(0), Float(0), Float(0))
        var column = 0
        while column < stride {
            squares.0 += row[column] * row[column]
            squares.1 += row[column + 1] * row[column + 1]
            squares.2 += row[column + 2] * row[column + 2]
            squares.3 += row[column + 3] * row[column + 3]
            column += 4
        }
        let norm = ((squares.0 + squares.1) + (squares.2 + squares.3)).squareRoot()
        guard norm > 0, norm.isFinite else {
            row.update(repeating: 0, count: stride)
            codes.update(repeating: 0, count: stride)
            return (0, 0)
        }
        let inverse = 1 / norm
        var top = (Float(0), Float(0), Float(0), Float(0))
        var sum = (Float(0), Float(0), Float(0), Float(0))
        column = 0
        while column < stride {
            let a = row[column] * inverse
            let b = row[column + 1] * inverse
            let c = row[column + 2] * inverse
            let d = row[column + 3] * inverse
            row[column] = a
            row[column + 1] = b
            row[column + 2] = c
            row[column + 3] = d
            top = (max(top.0, abs(a)), max(top.1, abs(b)), max(top.2, abs(c)), max(top.3, abs(d)))
            sum = (sum.0 + abs(a), sum.1 + abs(b), sum.2 + abs(c), sum.3 + abs(d))
            column += 4
        }
        let largest = max(max(top.0, top.1), max(top.2, top.3))
        guard largest > 0 else { return (0, 0) }
        let toCode = 127 / largest
        // Round to nearest by the float trick: adding 1.5·2²³ leaves the rounded integer in the low bits.
        // It needs no range check (|x| ≤ 127 here), so the loop vectorises; any round-to-nearest keeps each
        // code within half a step, which is all the bound in `ranked` needs.
        let magic: Float = 12_582_912
        for column in 0..<stride {
            let shifted = row[column] * toCode + magic
            codes[column] = Int8(truncatingIfNeeded: Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000)
        }
        let total = (sum.0 + sum.1) + (sum.2 + sum.3)
        return (largest / 127, total)
    }
}
