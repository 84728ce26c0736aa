import Foundation

/// The models that play each role; by default one model plays all three.
public struct ModelRoles: Sendable {
    public var agent: any LanguageModel
    public var judge: any LanguageModel
    public var extractor: any LanguageModel

    /// One model for every role.
    public init(all model: any LanguageModel) {
        self.init(agent: model, judge: model, extractor: model)
    }

    public init(agent: any LanguageModel, judge: any LanguageModel, extractor: any LanguageModel) {
        self.agent = agent
        self.judge = judge
        self.extractor = extractor
    }
}
