import Foundation

/// Calls a model with streaming, forwards the deltas, and records the call.
struct ModelCaller: Sendable {
    var model: any LanguageModel
    var emit: @Sendable (RunEvent) -> Void

    /// Asks the gate first (a person may edit the request there), then calls the model.
    func call(_ request: ModelRequest, step: Int, gates: GateKeeper, overrides: inout [GateOverride]) async throws
        -> ModelCall
    {
        var request = request
        if case .sendInstead(let edited) = try await gates.ask(.beforeModelCall(request, step: step), overrides: &overrides) {
            request = edited
        }
        return try await call(request)
    }

    func call(_ request: ModelRequest) async throws -> ModelCall {
        let clock = ContinuousClock()
        let start = clock.now
        var text = ""
        var final: ModelResponse?
        do {
            for try await event in model.stream(request) {
                switch event {
                case .delta(let piece):
                    text += piece
                    emit(.modelDelta(request.purpose, piece))
                case .done(let response):
                    final = response
                }
            }
        } catch {
            throw LoopError.wrap(error, as: LoopError.model)
        }
        try Task.checkCancellation()
        let elapsed = clock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let response = final ?? ModelResponse(text: text, usage: Usage(calls: 1))
        return ModelCall(
            request: request, response: response.text, usage: response.usage, latencyMilliseconds: milliseconds,
            model: model.descriptor.displayName)
    }
}
