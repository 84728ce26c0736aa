import Foundation

/// Exact top-k search by cosine similarity.
extension EmbeddingMatrix {
    /// One ranked row: its index and its exact cosine similarity with the query.
    public struct Match: Sendable, Hashable {
        public var row: Int
        public var score: Float
    }

    /// Below this many rows every row is scored exactly; above it an 8-bit first pass narrows the search.
    static let exactScanLimit = 4096
    /// Bound on the rounding error of one exact Float32 score (384 products of unit vectors accumulate
    /// at most about 2.3e-5), with room to spare; it widens the 8-bit pass's bounds.
    static let roundingSlack: Float = 1e-4

    /// The rows that may rank among the `limit` most similar to a query, found from the 8-bit codes alone:
    /// what `ranked(_:exactRows:)` needs the exact vectors of.
    public struct Shortlist: Sendable {
        /// Candidate rows, ascending.
        public let rows: [Int]
        /// The query at unit length, padded; nil for a zero or mis-sized query (every score is then 0).
        let unitQuery: [Float]?
        let limit: Int
    }

    /// The `limit` rows most similar to `query`, best first; equal scores keep row order.
    ///
    /// Every score is the exact Float32 cosine similarity of the unit query with the unit row. Large
    /// matrices are first scored from the 8-bit codes with a proven bound on each score's error; only rows
    /// whose upper bound reaches the `limit`-th best lower bound are scored exactly. No row that the exact
    /// ranking would put in the top `limit` is ever dropped, so the result equals `rankedExactly`.
    /// A matrix without exact rows answers through `shortlist(_:limit:)` and `ranked(_:exactRows:)`.
    public func ranked(_ query: [Float], limit: Int) -> [Match] {
        ranked(shortlist(query, limit: limit), exactRows: [:])
    }

    /// The rows that may be among the `limit` most similar to `query` (all of them for a small matrix
    /// that holds its exact rows; none for a zero query, which needs no vectors).
    public func shortlist(_ query: [Float], limit: Int) -> Shortlist {
        let limit = min(max(0, limit), count)
        guard limit > 0, let unitQuery = unitQuery(query) else { return Shortlist(rows: [], unitQuery: nil, limit: limit) }
        if holdsExactRows && (count <= Self.exactScanLimit || limit * 16 > count) {
            return Shortlist(rows: Array(0..<count), unitQuery: unitQuery, limit: limit)
        }
        return Shortlist(rows: boundedCandidates(unitQuery: unitQuery, limit: limit), unitQuery: unitQuery, limit: limit)
    }

    /// The shortlist's `limit` best rows, best first, with exact scores. A matrix without exact rows
    /// takes each shortlisted row's vector (as stored, at any length scale) from `exactRows`; a row
    /// missing there is left out, as a row no longer in the store.
    public func ranked(_ shortlist: Shortlist, exactRows: [Int: [Float]]) -> [Match] {
        guard let unitQuery = shortlist.unitQuery else { return (0..<shortlist.limit).map { Match(row: $0, score: 0) } }
        var heap = BoundedHeap(capacity: shortlist.limit)
        if holdsExactRows {
            for row in shortlist.rows { heap.insert(Match(row: row, score: exactScore(row: row, unitQuery: unitQuery))) }
        } else {
            var unit = [Float](repeating: 0, count: stride)
            var scratchCodes = [Int8](repeating: 0, count: stride)
            for row in shortlist.rows {
                guard let vector = exactRows[row] else { continue }
                heap.insert(Match(row: row, score: exactScore(of: vector, unitQuery: unitQuery, unit: &unit, codes: &scratchCodes)))
            }
        }
        return heap.sortedBestFirst()
    }

    /// The same ranking by scoring every row exactly (the reference for `ranked`; needs the exact rows).
    public func rankedExactly(_ query: [Float], limit: Int) -> [Match] {
        let limit = min(max(0, limit), count)
        guard limit > 0, holdsExactRows else { return [] }
        guard let unitQuery = unitQuery(query) else { return (0..<limit).map { Match(row: $0, score: 0) } }
        return rankedExactly(unitQuery: unitQuery, limit: limit)
    }

    /// The exact cosine similarity of `query` with row `row` (0 when the matrix keeps no exact rows).
    public func score(row: Int, query: [Float]) -> Float {
        guard holdsExactRows, let unitQuery = unitQuery(query), row >= 0, row < count else { return 0 }
        return exactScore(row: row, unitQuery: unitQuery)
    }

    // MARK: Kernels

    /// `query` scaled to unit length and padded to `stride`, or nil for a zero or mis-sized query.
    private func unitQuery(_ query: [Float]) -> [Float]? {
        guard query.count == dimension else { return nil }
        let norm = query.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { return nil }
        return query.map { $0 / norm } + [Float](repeating: 0, count: stride - dimension)
    }

    private func rankedExactly(unitQuery: [Float], limit: Int) -> [Match] {
        var heap = BoundedHeap(capacity: limit)
        for row in 0..<count { heap.insert(Match(row: row, score: exactScore(row: row, unitQuery: unitQuery))) }
        return heap.sortedBestFirst()
    }

    /// The exact score of a vector given from outside: scaled to unit length exactly as a held row is
    /// (into `unit`, with throwaway `codes`), so it scores exactly as the held row would.
    private func exactScore(of vector: [Float], unitQuery: [Float], unit: inout [Float], codes: inout [Int8]) -> Float {
        guard vector.count == dimension else { return 0 }
        let stride = self.stride
        unit.withUnsafeMutableBufferPointer { unit in
            vector.withUnsafeBufferPointer { unit.baseAddress!.update(from: $0.baseAddress!, count: $0.count) }
            (unit.baseAddress! + vector.count).update(repeating: 0, count: stride - vector.count)
            codes.withUnsafeMutableBufferPointer { _ = Self.prepareRow(unit.baseAddress!, codes: $0.baseAddress!, stride: stride) }
        }
        return Self.dot(unit, at: 0, with: unitQuery, stride: stride)
    }

    /// Exact Float32 dot product of the unit query with a unit row.
    func exactScore(row: Int, unitQuery: [Float]) -> Float {
        Self.dot(units, at: (row - unitsBase) * stride, with: unitQuery, stride: stride)
    }

    /// Exact Float32 dot product of `stride` numbers of `rows` from `offset` with the unit query; one
    /// kernel for held and given rows, so both give the same bits.
    private static func dot(_ rows: [Float], at offset: Int, with unitQuery: [Float], stride: Int) -> Float {
        rows.withUnsafeBytes { units in
            unitQuery.withUnsafeBytes { query in
                let base = offset * 4
                var sum0 = SIMD16<Float>()
                var sum1 = SIMD16<Float>()
                var block = 0
                let blocks = stride / 16
                while block + 1 < blocks {
                    sum0.addProduct(
                        units.loadUnaligned(fromByteOffset: base + block * 64, as: SIMD16<Float>.self),
                        query.loadUnaligned(fromByteOffset: block * 64, as: SIMD16<Float>.self))
                    sum1.addProduct(
                        units.loadUnaligned(fromByteOffset: base + block * 64 + 64, as: SIMD16<Float>.self),
                        query.loadUnaligned(fromByteOffset: block * 64 + 64, as: SIMD16<Float>.self))
                    block += 2
                }
                if block < blocks {
                    sum0.addProduct(
                        units.loadUnaligned(fromByteOffset: base + block * 64, as: SIMD16<Float>.self),
                        query.loadUnaligned(fromByteOffset: block * 64, as: SIMD16<Float>.self))
                }
                return (sum0 + sum1).sum()
            }
        }
    }

    /// Rows that may be among the `limit` best, from the 8-bit codes.
    ///
    /// The query is coded in 16 bits (`q ≈ b·q̄`, each number off by at most b/2) and each row in 8 bits
    /// (`u ≈ a·ū`, off by at most a/2), so `|u·q − a·b·(ū·q̄)| ≤ (b/2)·|u|₁ + (a/2)·|b·q̄|₁`: the integer
    /// dot product is exact, and the bound plus `roundingSlack` covers the float arithmetic. A row whose
    /// upper bound is below the `limit`-th largest lower bound has `limit` rows certainly above it.
    private func boundedCandidates(unitQuery: [Float], limit: Int) -> [Int] {
        let largest = unitQuery.reduce(Float(0)) { max($0, abs($1)) }
        let b = largest / 32767
        let queryCodes = unitQuery.map { Int16(($0 / b).rounded(.toNearestOrEven)) }
        let queryAbsoluteSum = queryCodes.reduce(Float(0)) { $0 + abs(Float($1)) * b }
        var approximate = [Float](repeating: 0, count: count)
        let rows = count
        let stride = self.stride
        codes.withUnsafeBufferPointer { codes in
            queryCodes.withUnsafeBufferPointer { query in
                scales.withUnsafeBufferPointer { scales in
                    approximate.withUnsafeMutableBufferPointer { approximate in
                        let out = WorkerAddress(approximate.baseAddress!)
                        let rowCodes = WorkerAddress(codes.baseAddress!)
                        let queryCodes = WorkerAddress(query.baseAddress!)
                        let rowScales = WorkerAddress(scales.baseAddress!)
                        splitAcrossCores(0..<rows, parallelFrom: 16_384) { range in
                            for row in range {
                                let dot = Self.integerDot(rowCodes.base + row * stride, queryCodes.base, blocks: stride / 16)
                                out.base[row] = Float(dot) * rowScales.base[row] * b
                            }
                        }
                    }
                }
            }
        }
        let slack = Self.roundingSlack
        var lowerBounds = BoundedHeap(capacity: limit)
        var bounds = [Float](repeating: 0, count: rows)
        for row in 0..<rows {
            let error = b / 2 * absoluteSums[row] + scales[row] / 2 * queryAbsoluteSum + slack
            bounds[row] = error
            lowerBounds.insert(Match(row: row, score: approximate[row] - error))
        }
        let threshold = lowerBounds.worst?.score ?? -Float.infinity
        return (0..<rows).filter { approximate[$0] + bounds[$0] >= threshold }
    }

    /// The exact integer dot product of a row's 8-bit codes with the query's 16-bit codes.
    @inline(__always)
    private static func integerDot(
        _ codes: UnsafeMutablePointer<Int8>, _ query: UnsafeMutablePointer<Int16>, blocks: Int
    ) -> Int32 {
        let codes = UnsafeRawPointer(codes)
        let query = UnsafeRawPointer(query)
        var sum = SIMD16<Int32>()
        for block in 0..<blocks {
            let row = SIMD16<Int32>(truncatingIfNeeded: codes.loadUnaligned(fromByteOffset: block * 16, as: SIMD16<Int8>.self))
            let q = SIMD16<Int32>(truncatingIfNeeded: query.loadUnaligned(fromByteOffset: block * 32, as: SIMD16<Int16>.self))
            sum &+= row &* q
        }
        return sum.wrappedSum()
    }

}
