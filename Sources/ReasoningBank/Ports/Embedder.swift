import Foundation

/// Turns texts into vectors for retrieval. Vectors should be L2-normalised.
public protocol Embedder: Sendable {
    /// A stable name recorded with every stored embedding, e.g. `hashing-256`.
    var name: String { get }
    var dimension: Int { get }
    func embed(_ texts: [String]) async throws -> [[Float]]
}
