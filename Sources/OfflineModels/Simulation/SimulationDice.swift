import Foundation
import ReasoningBank

/// The simulation's two sources of seeded randomness. Both are fixed by the model's seed and the
/// request, so the same request always gets the same answer.
///
/// - *Sampling* stands for temperature: exploration and wording variety. It is keyed on the whole
///   prompt and the temperature, and at temperature 0 it takes no random branch at all
///   (`sample` is always false, `variant` always 0) — greedy decoding.
/// - *Competence* stands for where a model is weak on a given input (a real model is wrong on some
///   inputs even at temperature 0). It is keyed only on the content that matters (e.g. the question
///   and the answer under review), not on the temperature or the prompt's wording. The judge's
///   re-check and the extractor's reflection use it, so the judge makes input-dependent mistakes at
///   its default temperature of 0.
public struct SimulationDice: Sendable {
    /// The request's temperature.
    public let temperature: Double
    private var sampling: SplitMix64
    private var competence: SplitMix64

    /// Dice for one request: `samplingMaterial` is the whole prompt, `competenceMaterial` the
    /// content that decides the outcome.
    public init(seed: UInt64, samplingMaterial: [String], competenceMaterial: [String], temperature: Double) {
        self.temperature = temperature
        let temperatureBits = String(temperature.isFinite ? temperature.bitPattern : 0)
        sampling = SplitMix64(seed: StableHash.combine(seed: seed, ["sampling", temperatureBits] + samplingMaterial))
        competence = SplitMix64(seed: StableHash.combine(seed: seed, ["competence"] + competenceMaterial))
    }

    /// True when the request is decoded greedily (temperature 0 or below, or not a number).
    public var isGreedy: Bool { !(temperature > 0) }

    /// A sampled decision: true with `probability` at temperature > 0, always false at temperature 0.
    public mutating func sample(_ probability: Double) -> Bool {
        guard !isGreedy else { return false }
        return sampling.nextUnit() < probability
    }

    /// A sampled choice among `count` wordings: 0 at temperature 0.
    public mutating func variant(_ count: Int) -> Int {
        guard !isGreedy else { return 0 }
        return sampling.nextIndex(below: count)
    }

    /// A competence decision: true with `probability`, whatever the temperature.
    public mutating func competent(_ probability: Double) -> Bool {
        competence.nextUnit() < probability
    }
}
