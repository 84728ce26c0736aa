import Foundation

/// Shop memory items that teach no procedure: answer form, finishing, care, and the naive and
/// vague items per template. None contains a `ShopProcedure` key phrase.
public enum ShopGenericWording {
    /// After an information-seeking success: answer with just the value.
    public static let answerValue = QAItemWording(
        titles: ["Answer with just the value read from the page", "Reply with the bare value"],
        descriptions: [
            "Send the user only the value the page shows, in the form it is shown.",
            "A reply with exactly one value is what gets accepted.",
        ],
        contents: [
            "Read the value off the page that shows it and send it to the user on its own with send_msg_to_user, without other numbers around it.",
            "Keep the message to the user to the one value asked for, copied as the page shows it; extra numbers make the answer ambiguous.",
        ])

    /// After a navigation or modification success: confirm, then finish.
    public static let finishWhenConfirmed = QAItemWording(
        titles: ["Finish once the page confirms the result", "End with a short message after the confirmation"],
        descriptions: [
            "When the page shows the requested state, send a short message to end the task.",
            "A confirmation line or the right page is the signal to finish.",
        ],
        contents: [
            "Once the page shows the requested result (the right page is open, or a confirmation line appears), end the task with a short send_msg_to_user message instead of acting further.",
            "Check that the page confirms the change or shows the requested page, then finish with a brief message to the user.",
        ])

    /// After a failure: check what the page offers before reporting.
    public static let checkBeforeReporting = QAItemWording(
        titles: ["Look at everything the page offers before reporting", "Check the page before giving up"],
        descriptions: [
            "Before telling the user something cannot be done, check the page's links, controls and messages.",
            "Error lines and navigation links often show the way forward.",
        ],
        contents: [
            "Before reporting failure, read the whole observation: error lines say what is missing, and links and controls at the bottom of a page often lead on.",
            "Do not report that something is unavailable after a first look; read the page's messages and controls and try what they suggest first.",
        ])

    /// A short plural topic per template, for the naive and vague items.
    static func shortTopic(_ template: ShopIntent.Template) -> String {
        switch template {
        case .orderTotal: "order totals"
        case .orderDetailsPage: "order detail pages"
        case .cheapestInCategory: "cheapest-product questions"
        case .topRatedInCategory: "best-rated product questions"
        case .productRating: "product ratings"
        case .reviewCount: "review counts"
        case .addToCart: "adding products to the cart"
        case .placeOrder: "placing orders"
        }
    }

    /// After a (lucky or wrongly judged) success without a procedure.
    static func naive(_ template: ShopIntent.Template) -> QAItemWording {
        let topic = shortTopic(template)
        return QAItemWording(
            titles: ["A direct approach to \(topic)", "Go straight to the page for \(topic)"],
            descriptions: [
                "For \(topic), going to the obvious page and acting on what it shows was accepted.",
                "A direct reading of the obvious page was enough for \(topic).",
            ],
            contents: [
                "Open the page whose link matches the task's words and act on what it shows straight away; this was accepted for \(topic).",
                "Match the task's words to the link labels, open the matching page and finish from what is visible there.",
            ])
    }

    /// After a failure whose reflection did not find the procedure.
    static func vague(_ template: ShopIntent.Template) -> QAItemWording {
        let topic = shortTopic(template)
        return QAItemWording(
            titles: ["Take more care with \(topic)", "Slow down on \(topic)"],
            descriptions: [
                "An attempt at \(topic) was judged a failure, so these need more care.",
                "Tasks about \(topic) can go wrong; look twice before finishing.",
            ],
            contents: [
                "The attempt was judged a failure. Read each page more carefully before acting and make sure the result matches the request before finishing.",
                "The result was not accepted. Go over the task again and double-check the page before sending the final message.",
            ])
    }
}
