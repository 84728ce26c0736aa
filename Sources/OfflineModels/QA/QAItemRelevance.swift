import Foundation

/// How a memory item relates to a QA question's family, as the simulated agent judges it.
public enum QAItemRelevance: Sendable, Hashable {
    /// The item describes this family's correct procedure (it contains enough of its key phrases).
    case teaches
    /// The item is about this kind of question but does not describe the correct procedure.
    case sameTopic
    /// The item teaches another family's procedure; the payload is that family's topic.
    case otherTopic(String)
    /// The item is about nothing the simulation recognises.
    case unrelated
}
