import Dispatch
import Foundation
import ReasoningBank

/// all-MiniLM-L6-v2 (sentence-transformers), a real sentence-embedding model, run natively in Swift
/// from its own files: `model.safetensors` (memory-mapped) and `vocab.txt`. 384 dimensions, unit length.
///
/// Texts are tokenised as the model's BERT uncased tokenizer does (at most 256 word pieces), encoded in
/// batches of `batchSize`, mean-pooled over their tokens and L2-normalised, as sentence-transformers does.
/// The matrix products run on OpenBLAS. Work runs on a Dispatch queue, never on Swift's cooperative pool.
public struct MiniLMEmbedder: Embedder {
    /// The name recorded with every stored embedding; also the `EMBEDDING_MODEL` value that selects it.
    public static let modelName = "all-MiniLM-L6-v2"
    /// The folder `make model` unpacks the model into, relative to the repository root.
    public static let defaultFolder = "data/models/all-MiniLM-L6-v2"
    /// The files the embedder reads from the folder.
    public static let requiredFiles = ["model.safetensors", "vocab.txt"]

    public var name: String { Self.modelName }
    public var dimension: Int { MiniLMWeights.hidden }
    /// Texts per forward pass.
    public var batchSize: Int
    /// The folder the model was read from.
    public let folder: URL
    public let tokenizer: WordPieceTokenizer
    let encoder: MiniLMEncoder

    /// Loads the model from `folder`. Throws `ModelFileError`, naming the file and what to do, when a file
    /// is missing, damaged or of another model.
    public init(folder: URL, batchSize: Int = 32) throws {
        self.folder = folder
        self.batchSize = max(1, batchSize)
        tokenizer = try WordPieceTokenizer(vocabularyURL: folder.appendingPathComponent("vocab.txt"))
        let weightsURL = folder.appendingPathComponent("model.safetensors")
        let weights = try MiniLMWeights(file: SafetensorsFile(url: weightsURL))
        guard tokenizer.vocabularySize == MiniLMWeights.vocabularySize else {
            throw ModelFileError.corrupt(
                file: folder.appendingPathComponent("vocab.txt").path,
                detail: "it has \(tokenizer.vocabularySize) tokens where the model has \(MiniLMWeights.vocabularySize)")
        }
        encoder = MiniLMEncoder(weights: weights)
    }

    /// Whether `folder` holds the files the embedder needs (it may still turn out to be damaged).
    public static func isPresent(in folder: URL) -> Bool {
        requiredFiles.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        let embedder = self
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: embedder.embedSynchronously(texts))
            }
        }
    }

    /// The embeddings of `texts`, computed on the calling thread.
    public func embedSynchronously(_ texts: [String]) -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let end = min(start + batchSize, texts.count)
            vectors.append(contentsOf: encoder.embed(texts[start..<end].map(tokenizer.encode)))
            start = end
        }
        return vectors
    }
}
