import Foundation
import ReasoningBank
import TestSupport
import Testing

/// The dense + lexical blend: its cosine is exactly the weighted mean of the two cosines.
@Suite("HybridEmbedder")
struct HybridEmbedderTests {
    static let texts = [
        "count the letters in a word", "reverse the letters of a word", "days between two dates",
        "add the jeans to my cart", "price of the cheapest pen", "count the days in a word",
    ]

    @Test("cosine of blended vectors = (1 − w) · dense cosine + w · lexical cosine", arguments: [0.0, 0.3, 0.5, 1.0])
    func blendIsTheWeightedMean(weight: Double) async throws {
        let dense = WordEmbedder(dimension: 48, name: "dense")
        let lexical = WordEmbedder(dimension: 96, name: "lexical")
        let hybrid = HybridEmbedder(dense: dense, lexical: lexical, lexicalWeight: weight)
        #expect(hybrid.dimension == 144)
        let blended = try await hybrid.embed(Self.texts)
        let d = try await dense.embed(Self.texts)
        let l = try await lexical.embed(Self.texts)
        for i in Self.texts.indices {
            #expect(abs(Similarity.cosine(blended[i], blended[i]) - 1) < 1e-6)
            for j in Self.texts.indices {
                let expected = (1 - weight) * Similarity.cosine(d[i], d[j]) + weight * Similarity.cosine(l[i], l[j])
                #expect(abs(Similarity.cosine(blended[i], blended[j]) - expected) < 1e-5)
            }
        }
    }

    @Test("the name carries both embedders and the weight; the weight is clamped")
    func nameAndWeight() {
        let dense = WordEmbedder(dimension: 8, name: "dense")
        let lexical = WordEmbedder(dimension: 8, name: "words")
        #expect(HybridEmbedder(dense: dense, lexical: lexical, lexicalWeight: 0.3).name == "dense+words@0.3")
        #expect(HybridEmbedder(dense: dense, lexical: lexical, lexicalWeight: 0.25).name == "dense+words@0.25")
        #expect(HybridEmbedder(dense: dense, lexical: lexical, lexicalWeight: 7).lexicalWeight == 1)
        #expect(HybridEmbedder(dense: dense, lexical: lexical, lexicalWeight: -1).lexicalWeight == 0)
        #expect(HybridEmbedder(dense: dense, lexical: lexical, lexicalWeight: .nan).lexicalWeight == 0)
    }

    @Test("a text one embedder gives nothing for still gets the other's part")
    func emptyParts() async throws {
        let hybrid = HybridEmbedder(
            dense: WordEmbedder(dimension: 8, name: "dense"), lexical: WordEmbedder(dimension: 8, name: "words"), lexicalWeight: 0.3)
        let vectors = try await hybrid.embed(["", "word"])
        #expect(vectors[0] == [Float](repeating: 0, count: 16))
        #expect(vectors[1].count == 16 && vectors[1].contains { $0 != 0 })
    }
}
