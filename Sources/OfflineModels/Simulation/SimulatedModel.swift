import Foundation
import ReasoningBank

/// The built-in offline model: a deterministic **simulation** of a weak agent that gets better with
/// memory. It is a scripted policy, not an LLM.
///
/// It answers every call in the text formats a real model uses: ReAct steps for the agent, the
/// two-line verdict for the judge, think-first memory items for the extractor. It reads the memories
/// injected into the agent's system prompt, discusses each, and follows the ones that describe a
/// better procedure. Answers are a pure function of the seed and the request (see `SimulationDice`).
///
/// Behaviour per environment lives in `SimulatedPolicy` values: `ShopPolicy` for the shop world, `QAPolicy` for the QA world.
public struct SimulatedModel: LanguageModel, CustomStringConvertible {
    /// The standard descriptor: `offline/rbank-sim-1`, flagged as a simulation.
    public static let standardDescriptor = ModelDescriptor(provider: "offline", model: "rbank-sim-1", isSimulation: true)

    /// `offline/rbank-sim-1 (simulation)`.
    public let descriptor: ModelDescriptor
    /// The seed every random decision is derived from.
    public let seed: UInt64
    /// The policies, asked in order.
    public let policies: [any SimulatedPolicy]
    /// Used when no policy handles the call.
    public let fallback: any SimulatedPolicy
    /// Pause between streamed deltas (zero: as fast as the consumer reads).
    public let streamPacing: Duration
    /// Pause before each answer starts, standing in for a real model's latency (zero: none).
    public let callLatency: Duration
    /// Which independent sample this is (MaTTS trajectory or round; 0 for a plain run). At temperature
    /// > 0 each sample draws its own agent decisions, as a sampled model explores differently each time.
    public private(set) var sampleIndex = 0

    /// The offline simulation with the standard policies (shop, QA), seeded with `seed`.
    public init(seed: UInt64 = 0) {
        self.init(seed: seed, policies: Self.standardPolicies)
    }

    /// The offline simulation with custom policies (asked in order) and stream pacing.
    public init(
        seed: UInt64 = 0, policies: [any SimulatedPolicy], fallback: any SimulatedPolicy = FallbackPolicy(),
        streamPacing: Duration = .zero, callLatency: Duration = .zero
    ) {
        self.callLatency = callLatency
        self.descriptor = Self.standardDescriptor
        self.seed = seed
        self.policies = policies
        self.fallback = fallback
        self.streamPacing = streamPacing
    }

    /// The policies the offline model ships with.
    public static var standardPolicies: [any SimulatedPolicy] { [ShopPolicy(), QAPolicy()] }

    public var description: String {
        "\(descriptor.displayName): offline simulation, a deterministic scripted policy (not an LLM), seed \(seed)"
    }

    /// This model as the `index`-th independent sample.
    public func sampled(_ index: Int) -> any LanguageModel {
        var copy = self
        copy.sampleIndex = index
        return copy
    }

    public func complete(_ request: ModelRequest) async throws -> ModelResponse {
        if callLatency > .zero { try await Task.sleep(for: callLatency) }
        try Task.checkCancellation()
        return respond(to: request)
    }

    /// The answer to `request`, synchronously. Same seed and request, same answer.
    public func respond(to request: ModelRequest) -> ModelResponse {
        var samplingMaterial = [request.purpose.rawValue, request.system] + request.messages.map { $0.role.rawValue + ":" + $0.content }
        let text: String
        switch request.purpose {
        case .agent:
            let prompt = AgentPrompt(request)
            var competenceMaterial = ["agent", prompt.task ?? ""]
            if sampleIndex != 0, request.temperature > 0 {
                samplingMaterial.append("sample \(sampleIndex)")
                competenceMaterial.append("sample \(sampleIndex)")
            }
            var dice = SimulationDice(
                seed: seed, samplingMaterial: samplingMaterial, competenceMaterial: competenceMaterial,
                temperature: request.temperature)
            let policy = policies.first { $0.handlesEnvironment(systemPrompt: prompt.system) } ?? fallback
            text = policy.act(on: prompt, dice: &dice)
        case .judge:
            let prompt = JudgePrompt(request)
            var dice = SimulationDice(
                seed: seed, samplingMaterial: samplingMaterial,
                competenceMaterial: ["judge", prompt.intent ?? "", prompt.response ?? ""], temperature: request.temperature)
            text = policy(forTask: prompt.intent).judge(prompt, dice: &dice)
        case .extractSuccess, .extractFailure:
            let prompt = ExtractionPrompt(request)
            let trajectory = prompt.steps.map { $0.thought + "\u{1F}" + $0.action }
            var dice = SimulationDice(
                seed: seed, samplingMaterial: samplingMaterial,
                competenceMaterial: ["extract", prompt.outcome.rawValue, prompt.query ?? ""] + trajectory,
                temperature: request.temperature)
            text = policy(forTask: prompt.query).extract(from: prompt, dice: &dice)
        case .induceWorkflow:
            let prompt = ExtractionPrompt(request)
            var dice = SimulationDice(
                seed: seed, samplingMaterial: samplingMaterial,
                competenceMaterial: ["workflow", prompt.query ?? ""] + prompt.steps.map { $0.thought + "\u{1F}" + $0.action },
                temperature: request.temperature)
            text = policy(forTask: prompt.query).induceWorkflow(from: prompt, dice: &dice)
        case .extractContrast, .extractRefinement:
            text = extractAcross(request)
        case .selectBest:
            text = selectBest(request)
        }
        return Self.finish(text, for: request)
    }

    func policy(forTask query: String?) -> any SimulatedPolicy {
        guard let query else { return fallback }
        return policies.first { $0.handlesTask(query) } ?? fallback
    }
}
