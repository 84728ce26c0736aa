import Foundation
import ReasoningBank
import Testing

@testable import BankStore

@Suite("Embedding cache")
struct EmbeddingCacheTests {
    @Test("imported vectors are found by text and model; new ones are stored and exported")
    func cacheRoundTrip() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bank = try Bank.inMemory()
        try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: Fixtures.seedEmbeddings)
        let orphan = try bank.cachedEmbedding(text: "an orphan query that no entry uses", model: Bank.seedEmbeddingModel)
        #expect(orphan == Array(repeating: 0.1, count: 8))
        #expect(try bank.cachedEmbedding(text: "an orphan query that no entry uses", model: "other") == nil)

        try bank.cacheEmbedding([1, 2, 3], text: "new text", model: Bank.seedEmbeddingModel)
        try bank.cacheEmbedding([4, 5, 6], text: "new text", model: Bank.seedEmbeddingModel)
        #expect(try bank.cachedEmbedding(text: "new text", model: Bank.seedEmbeddingModel) == [4, 5, 6])
        let file = scratch.file("embeddings.json")
        try bank.exportSeed(bankURL: scratch.file("memory_bank.json"), embeddingsURL: file)
        let vector = try #require((try Fixtures.json(file) as? [String: Any])?["new text"] as? [Any])
        #expect(vector.compactMap(JSONText.double) == [4, 5, 6])
        #expect(try Fixtures.sameJSON(vector, JSONText.parse(Data("[4.0, 5.0, 6.0]".utf8))))
    }

    @Test("an experience's query embedding can be replaced")
    func setQueryEmbedding() async throws {
        let bank = try Bank.inMemory()
        try bank.importSeed(bankURL: Fixtures.seedBank, embeddingsURL: nil)
        try bank.setQueryEmbedding(experienceID: "0b1c2d3e", vector: [0.5, -0.5], model: "minilm")
        let experience = try #require(try bank.experience(id: "0b1c2d3e"))
        #expect(experience.queryEmbedding == [0.5, -0.5])
        #expect(experience.embeddingModel == "minilm")
        #expect(throws: BankError.experienceNotFound("nope")) {
            try bank.setQueryEmbedding(experienceID: "nope", vector: [1], model: "m")
        }
    }
}
