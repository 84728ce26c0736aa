import Foundation

/// Memory items that are not about any one family: answer format, checking, unknown questions.
/// None of them contains a family's key phrases.
public enum QAGenericWording {
    /// Every generic wording.
    public static var all: [QAItemWording] { [answerFormat, checkBeforeAnswering, checkBeforeFinishing, identifyQuestion] }

    /// After a success: answer with the bare value.
    public static let answerFormat = QAItemWording(
        titles: ["Answer with the bare value", "Give only the requested value"],
        descriptions: [
            "Put only the final value in the answer action, in the form the question asks for.",
            "A single value of the expected kind is what gets accepted, not a sentence around it.",
        ],
        contents: [
            "The answer was accepted because it was a single value of the expected kind. Submit just that value, properly quoted, in one answer action instead of a sentence.",
            "Keep the final answer to the value itself: no units unless asked, no explanation, and quote it correctly inside the answer action.",
        ])

    /// After a failure: recompute before answering.
    public static let checkBeforeAnswering = QAItemWording(
        titles: ["Re-check the result before answering", "Verify the working a second way"],
        descriptions: [
            "Before giving the final answer, recompute it a second way and compare the two.",
            "A quick answer can be wrong; confirm it with an independent check first.",
        ],
        contents: [
            "The submitted value was judged wrong. Before answering, work the result out a second way, compare the two, and only answer when they agree.",
            "Do not submit the first value that comes to mind: redo the working with a different method and answer only when both give the same value.",
        ])

    /// For tasks the simulation cannot read: a general habit.
    public static let checkBeforeFinishing = QAItemWording(
        titles: ["Check the result before finishing"],
        descriptions: ["Before ending a task, confirm that the result really answers what was asked."],
        contents: [
            "Re-read the request before the final action and confirm that every part of it is covered; if the answer cannot be found, say so plainly instead of guessing."
        ])

    /// For questions of an unknown type: work out what is asked first.
    public static let identifyQuestion = QAItemWording(
        titles: ["Work out what kind of question it is first", "Identify the question type before answering"],
        descriptions: [
            "Decide what the question is really asking before choosing a method.",
            "Naming the kind of question first makes it easier to pick a reliable method.",
        ],
        contents: [
            "Before answering, state what kind of question it is and which method fits it; if no method is known, say plainly that the answer is not known rather than guessing."
        ])
}
