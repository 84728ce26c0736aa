import Foundation

/// Vectors for exact nearest-neighbour search by cosine similarity: every row scaled to unit length and
/// held in one contiguous row-major Float32 matrix, with an 8-bit copy of each row for a fast first pass.
///
/// Rows are padded to a multiple of 16 numbers (with zeros) so the kernels read whole SIMD blocks. A
/// zero vector stays zero, and its similarity with anything is 0, as `Similarity.cosine` says.
/// The 8-bit copy only narrows the search; every score returned is exact (see `ranked(_:limit:)`).
///
/// A matrix made with `holdsExactRows: false` keeps only the 8-bit copy (a quarter of the memory, and
/// nothing to load but the codes); ranking then takes the exact vectors of the shortlisted rows from
/// whoever keeps them (`shortlist(_:limit:)`, then `ranked(_:exactRows:)`), with the same results.
public struct EmbeddingMatrix: Sendable {
    /// Numbers per vector.
    public let dimension: Int
    /// Numbers per stored row: `dimension` rounded up to a multiple of 16.
    let stride: Int
    /// Whether every row's unit vector is kept; if not, ranking is given the shortlisted rows' vectors.
    public let holdsExactRows: Bool
    /// Rows held.
    public private(set) var count = 0
    /// Unit rows from row `unitsBase` on, `stride` numbers each: every row when `holdsExactRows`, otherwise
    /// only the rows appended and not yet coded (a batch at a time).
    var units: [Float] = []
    var unitsBase = 0
    /// Each unit row as 8-bit codes: `codes[j] × scales[row] ≈ units[j]`, `stride` codes each.
    var codes: [Int8] = []
    var scales: [Float] = []
    /// Each unit row's L1 norm, for the bound on the 8-bit scores' error.
    var absoluteSums: [Float] = []
    /// `stride` zeros, appended as a block for each new row.
    private let zeroRow: [Float]

    /// Rows a matrix without exact rows codes at a time while rows are appended unprepared.
    static let codingBatch = 8192

    /// An empty matrix for vectors of `dimension` numbers (at least 1); `holdsExactRows: false` keeps only
    /// the 8-bit codes.
    public init(dimension: Int, holdsExactRows: Bool = true) {
        self.dimension = max(1, dimension)
        self.holdsExactRows = holdsExactRows
        stride = (self.dimension + 15) / 16 * 16
        zeroRow = [Float](repeating: 0, count: stride)
    }

    /// Makes room for `rows` rows in all.
    public mutating func reserveCapacity(_ rows: Int) {
        units.reserveCapacity((holdsExactRows ? rows : min(rows, Self.codingBatch)) * stride)
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
    /// does every pending row at once, over all cores. (Without exact rows, a full batch is coded at once.)
    public mutating func appendUnprepared(littleEndianFloats bytes: UnsafeRawBufferPointer?) {
        if !holdsExactRows && count - unitsBase >= Self.codingBatch { finishAppending() }
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
        if !holdsExactRows {
            units.removeAll(keepingCapacity: true)
            unitsBase = count
        }
    }

    /// Replaces row `row` with `vector` (the zero vector when its length is not `dimension`). Without exact
    /// rows only its codes change: whoever gives the exact rows must give this vector from now on.
    public mutating func replaceRow(_ row: Int, with vector: [Float]) {
        guard row >= 0, row < count else { return }
        finishAppending()
        if holdsExactRows {
            units.replaceSubrange((row * stride)..<((row + 1) * stride), with: Self.padded(vector, dimension: dimension, stride: stride))
            prepare(rows: row..<(row + 1))
            return
        }
        let code = rowCode(of: vector)
        codes.replaceSubrange((row * stride)..<(row * stride + dimension), with: code.codes)
        scales[row] = code.scale
        absoluteSums[row] = code.absoluteSum
    }

    /// One row's 8-bit form, all the first pass reads: `codes[j] × scale` is within `scale / 2` of the
    /// unit vector's number j, and `absoluteSum` is the unit vector's L1 norm (for the error bound).
    public struct RowCode: Sendable, Equatable {
        /// `dimension` codes.
        public var codes: [Int8]
        public var scale: Float
        public var absoluteSum: Float
    }

    /// The 8-bit form of `vector` exactly as this matrix codes an appended row (a vector of another
    /// length, or a zero one, gives the zero row), for a store to keep and hand back to `appendCoded`.
    public func rowCode(of vector: [Float]) -> RowCode {
        var unit = Self.padded(vector, dimension: dimension, stride: stride)
        var codes = [Int8](repeating: 0, count: stride)
        let stride = self.stride
        let (scale, sum) = unit.withUnsafeMutableBufferPointer { unit in
            codes.withUnsafeMutableBufferPointer { Self.prepareRow(unit.baseAddress!, codes: $0.baseAddress!, stride: stride) }
        }
        return RowCode(codes: Array(codes.prefix(dimension)), scale: scale, absoluteSum: sum)
    }

    /// Appends a row from its 8-bit form alone (`dimension` codes read from `codes`, as `rowCode(of:)`
    /// gave them), for a matrix that keeps no exact rows. Appends nothing and returns false when the form
    /// cannot be one `rowCode(of:)` gives (another size, a negative or non-finite scale or sum) or the
    /// matrix holds exact rows (it needs the vector).
    public mutating func appendCoded(codes rowCodes: UnsafeRawBufferPointer, scale: Float, absoluteSum: Float) -> Bool {
        guard !holdsExactRows, rowCodes.count == dimension, scale.isFinite, scale >= 0, absoluteSum.isFinite,
            absoluteSum >= 0
        else { return false }
        finishAppending()
        rowCodes.withMemoryRebound(to: Int8.self) { codes.append(contentsOf: $0) }
        if stride > dimension { codes.append(contentsOf: repeatElement(0, count: stride - dimension)) }
        scales.append(scale)
        absoluteSums.append(absoluteSum)
        count += 1
        unitsBase = count
        return true
    }

    /// The unit vector of row `row`, or nil when the matrix keeps no exact rows.
    public func unitRow(_ row: Int) -> [Float]? {
        guard holdsExactRows, row >= 0, row < count else { return nil }
        return Array(units[(row * stride)..<(row * stride + dimension)])
    }

    /// `vector` padded with zeros to `stride` numbers, or `stride` zeros when its length is not `dimension`.
    static func padded(_ vector: [Float], dimension: Int, stride: Int) -> [Float] {
        guard vector.count == dimension else { return [Float](repeating: 0, count: stride) }
        return vector + [Float](repeating: 0, count: stride - dimension)
    }

    /// Scales `rows` to unit length and fills in their 8-bit codes, splitting large ranges over the cores.
    private mutating func prepare(rows: Range<Int>) {
        let stride = self.stride
        let base = unitsBase
        units.withUnsafeMutableBufferPointer { units in
            codes.withUnsafeMutableBufferPointer { codes in
                scales.withUnsafeMutableBufferPointer { scales in
                    absoluteSums.withUnsafeMutableBufferPointer { sums in
                        let u = WorkerAddress(units.baseAddress!)
                        let c = WorkerAddress(codes.baseAddress!)
                        let s = WorkerAddress(scales.baseAddress!)
                        let l = WorkerAddress(sums.baseAddress!)
                        splitAcrossCores(rows, parallelFrom: 4096) { range in
                            for row in range {
                                (s.base[row], l.base[row]) = Self.prepareRow(
                                    u.base + (row - base) * stride, codes: c.base + row * stride, stride: stride)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Normalises one row in place and writes its codes; returns its scale and L1 norm. Plain loops over
    /// four lanes each, which the compiler vectorises on any x86-64 or ARM64 baseline.
    static func prepareRow(
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
