import Foundation

/// Vector similarity used by retrieval.
public enum Similarity {
    /// Cosine similarity; 0 when either vector is zero or the lengths differ.
    public static func cosine(_ lhs: [Float], _ rhs: [Float]) -> Double {
        guard lhs.count == rhs.count, !lhs.isEmpty else { return 0 }
        var dot: Float = 0
        var lhsNorm: Float = 0
        var rhsNorm: Float = 0
        for index in lhs.indices {
            dot += lhs[index] * rhs[index]
            lhsNorm += lhs[index] * lhs[index]
            rhsNorm += rhs[index] * rhs[index]
        }
        guard lhsNorm > 0, rhsNorm > 0 else { return 0 }
        return Double(dot / (lhsNorm.squareRoot() * rhsNorm.squareRoot()))
    }
}
