import Foundation
import ReasoningBank
import TestSupport
import Testing

@testable import RBankCLI

/// `EMBEDDING_MODEL` and `EMBEDDING_LEXICAL_WEIGHT`: which embedder is built, and what `rbank config` says of it.
@Suite("Embedder selection")
struct EmbedderSelectionTests {
    static func configuration(_ environment: [String: String], folder: ConfigTestFolder) throws -> Configuration {
        try Configuration.load(flags: [:], environment: environment, workingDirectory: folder.url)
    }

    @Test("without the model files the default is hashing; with them, MiniLM blended with hashing at 0.4")
    func defaults() throws {
        let folder = try ConfigTestFolder()
        let bare = try Self.configuration([:], folder: folder)
        #expect(try ProviderFactory(configuration: bare).embedder().name == "hashing-384")
        let model = try PythonReference.miniLMFolder()
        let present = try Self.configuration(["MINILM_MODEL_DIR": model.path], folder: folder)
        #expect(present.embeddingModel == "all-MiniLM-L6-v2+hashing")
        let embedder = try ProviderFactory(configuration: present).embedder()
        #expect(embedder.name == "all-MiniLM-L6-v2+hashing-384@0.4")
        #expect(embedder.dimension == 768)
        #expect(ConfigCommand.embedderLine(present).contains("0.6 × model cosine + 0.4 × hashing cosine"))
        let alone = try Self.configuration(["MINILM_MODEL_DIR": model.path, "EMBEDDING_MODEL": "all-MiniLM-L6-v2"], folder: folder)
        #expect(try ProviderFactory(configuration: alone).embedder().name == "all-MiniLM-L6-v2")
    }

    @Test("any embedder ending in +hashing is blended, at EMBEDDING_LEXICAL_WEIGHT")
    func blendAnyEmbedder() throws {
        let folder = try ConfigTestFolder()
        let configuration = try Self.configuration(
            ["EMBEDDING_MODEL": "hashing+HASHING", "EMBEDDING_LEXICAL_WEIGHT": "0.25", "EMBEDDING_DIMENSION": "64"], folder: folder)
        let embedder = try ProviderFactory(configuration: configuration).embedder()
        #expect(embedder.name == "hashing-64+hashing-384@0.25")
        #expect(embedder.dimension == 64 + 384)
    }

    @Test("a blend with nothing to blend, or a weight out of range, is refused with what to do")
    func refusals() throws {
        let folder = try ConfigTestFolder()
        let empty = try Self.configuration(["EMBEDDING_MODEL": "+hashing"], folder: folder)
        #expect(throws: CLIError.self) { try ProviderFactory(configuration: empty).embedder() }
        do {
            _ = try ProviderFactory(configuration: empty).embedder()
        } catch {
            #expect(String(describing: error).contains("name the embedder to blend with hashing before +hashing"))
        }
        let heavy = try Self.configuration(["EMBEDDING_MODEL": "hashing+hashing", "EMBEDDING_LEXICAL_WEIGHT": "2"], folder: folder)
        #expect(heavy.problems.contains { $0.variable == "EMBEDDING_LEXICAL_WEIGHT" })
        do {
            _ = try ProviderFactory(configuration: heavy).embedder()
            Issue.record("a weight of 2 was accepted")
        } catch {
            #expect(String(describing: error).contains("a number from 0 to 1"))
        }
        let unknown = try Self.configuration(["EMBEDDING_MODEL": "word2vec+hashing"], folder: folder)
        do {
            _ = try ProviderFactory(configuration: unknown).embedder()
            Issue.record("word2vec was accepted")
        } catch {
            #expect(String(describing: error).contains("EMBEDDING_MODEL is word2vec"))
        }
    }
}
