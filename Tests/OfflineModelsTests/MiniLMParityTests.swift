import Foundation
import ReasoningBank
import TestSupport
import Testing
@testable import OfflineModels

/// The Swift all-MiniLM-L6-v2 against the independent NumPy reference (`Benchmarks/minilm_reference.py`)
/// on the same files, and against figures published with the model.
@Suite("all-MiniLM-L6-v2 parity", .serialized)
struct MiniLMParityTests {
    static let sentencesURL = ProjectFiles.path("Tests/OfflineModelsTests/Fixtures/parity-sentences.json")

    static func sentences() throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(contentsOf: sentencesURL))
    }

    @Test("every test sentence embeds to within cosine 0.9999 of the NumPy reference")
    func embeddingsMatchReference() async throws {
        let folder = try PythonReference.miniLMFolder()
        let sentences = try Self.sentences()
        #expect(sentences.count >= 100)
        let scratch = try TemporaryDirectory(prefix: "minilm-parity")
        defer { scratch.remove() }
        _ = try await PythonReference.run(
            "minilm_reference.py",
            ["embed", "--model", folder.path, "--input", Self.sentencesURL.path, "--output", scratch.path("ref.json").path])
        let reference = try JSONDecoder().decode([[Double]].self, from: Data(contentsOf: scratch.path("ref.json")))
        let swift = try await MiniLMEmbedder(folder: folder).embed(sentences)
        #expect(reference.count == sentences.count && swift.count == sentences.count)
        for (index, sentence) in sentences.enumerated() where index < reference.count && index < swift.count {
            #expect(swift[index].count == 384)
            let cosine = Self.cosine(swift[index], reference[index])
            #expect(cosine >= 0.9999, "sentence \(index) \(sentence.prefix(40).debugDescription): cosine \(cosine)")
        }
    }

    @Test("word-piece ids equal the reference tokenizer's for every test sentence")
    func tokensMatchReference() async throws {
        let folder = try PythonReference.miniLMFolder()
        let sentences = try Self.sentences()
        let output = try await PythonReference.run(
            "minilm_reference.py", ["tokens", "--model", folder.path, "--input", Self.sentencesURL.path])
        let lines = output.split(separator: "\n")
        #expect(lines.count == sentences.count)
        let tokenizer = try WordPieceTokenizer(vocabularyURL: folder.appendingPathComponent("vocab.txt"))
        for (index, line) in lines.enumerated() where index < sentences.count {
            let expected = try JSONDecoder().decode([Int32].self, from: Data(line.utf8))
            #expect(tokenizer.encode(sentences[index]) == expected, "sentence \(index) \(sentences[index].prefix(40).debugDescription)")
        }
    }

    @Test("the similarities printed in the sentence-transformers documentation for this model")
    func publishedSimilarities() async throws {
        let embedder = try MiniLMEmbedder(folder: try PythonReference.miniLMFolder())
        let vectors = try await embedder.embed(["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."])
        // sbert.net quickstart: tensor([[1.0000, 0.6660, 0.1046], [0.6660, 1.0000, 0.1411], …])
        #expect(abs(Self.cosine(vectors[0], vectors[1].map(Double.init)) - 0.6660) < 5e-4)
        #expect(abs(Self.cosine(vectors[0], vectors[2].map(Double.init)) - 0.1046) < 5e-4)
        #expect(abs(Self.cosine(vectors[1], vectors[2].map(Double.init)) - 0.1411) < 5e-4)
        for vector in vectors { #expect(abs(Self.cosine(vector, vector.map(Double.init)) - 1) < 1e-5) }
    }

    @Test("sequences are cut at 256 word pieces with [CLS] and [SEP]; batching does not change vectors")
    func truncationAndBatching() async throws {
        let folder = try PythonReference.miniLMFolder()
        let tokenizer = try WordPieceTokenizer(vocabularyURL: folder.appendingPathComponent("vocab.txt"))
        let long = String(repeating: "memory bank retrieval ", count: 200)
        let ids = tokenizer.encode(long)
        #expect(ids.count == 256 && ids.first == 101 && ids.last == 102)
        #expect(tokenizer.encode("") == [101, 102])
        let texts = try Array(Self.sentences().prefix(40))
        var embedder = try MiniLMEmbedder(folder: folder, batchSize: 32)
        let batched = try await embedder.embed(texts)
        embedder.batchSize = 1
        let single = try await embedder.embed(texts)
        for index in texts.indices { #expect(Self.cosine(batched[index], single[index].map(Double.init)) > 0.99999) }
    }

    static func cosine(_ lhs: [Float], _ rhs: [Double]) -> Double {
        guard lhs.count == rhs.count else { return -2 }
        var dot = 0.0
        var left = 0.0
        var right = 0.0
        for index in lhs.indices {
            dot += Double(lhs[index]) * rhs[index]
            left += Double(lhs[index]) * Double(lhs[index])
            right += rhs[index] * rhs[index]
        }
        return dot / max((left * right).squareRoot(), 1e-30)
    }
}
