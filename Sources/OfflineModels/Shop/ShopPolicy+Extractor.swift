import Foundation
import ReasoningBank

extension ShopPolicy {
    public func extract(from prompt: ExtractionPrompt, dice: inout SimulationDice) -> String {
        let succeeded = prompt.outcome == .success
        guard let query = prompt.query, let intent = ShopIntent(query) else {
            let reasoning =
                succeeded
                ? "Thinking first: the trajectory succeeded, but I cannot tell offline what kind of shop task it was; the transferable part is finishing once the page confirms the result."
                : "Thinking first: the trajectory failed on a task I cannot classify offline; the lesson is to read the page fully before giving up."
            let item = succeeded ? ShopGenericWording.finishWhenConfirmed.item(using: &dice) : ShopGenericWording.checkBeforeReporting.item(using: &dice)
            return Self.memoryItems(reasoning: reasoning, items: [item], limit: prompt.maxItems)
        }
        let used = usedProcedures(in: prompt, intent: intent)
        let missing = neededProcedures(in: prompt, intent: intent).filter { !used.contains($0) }
        let closing = intent.isInformationSeeking ? ShopGenericWording.answerValue : ShopGenericWording.finishWhenConfirmed
        var reasoning = "Thinking first: the agent \(succeeded ? "succeeded" : "failed") at \(intent.topic). "
        var items: [ExtractedItem] = []
        if succeeded {
            if used.isEmpty {
                reasoning += "It went straight to the obvious page and finished from what it showed, and that was accepted; the transferable part is that direct approach and how it finished."
                items = [ShopGenericWording.naive(intent.template).item(using: &dice)]
            } else {
                reasoning += "It worked because the agent chose to " + used.map(\.method).joined(separator: "; and to ")
                    + ". That procedure is the insight to keep, without the task's own values."
                items = used.map { $0.strategyWording.item(using: &dice) }
            }
            items.append(closing.item(using: &dice))
        } else if missing.isEmpty, !used.isEmpty {
            reasoning += "It already chose to " + used.map(\.method).joined(separator: "; and to ")
                + ", so the procedure was right; the result must have been read or checked badly. Keep the procedure and check the page before finishing."
            items = used.map { $0.strategyWording.item(using: &dice) } + [ShopGenericWording.checkBeforeReporting.item(using: &dice)]
        } else if dice.competent(reflectionRate) {
            let lessons = missing.isEmpty ? intent.procedures.filter { !used.contains($0) } : missing
            reasoning += "Looking at where it went wrong: " + lessons.map { "it should have chosen to \($0.method)" }.joined(separator: "; ")
                + ". That is what to do instead next time."
            items = lessons.map { $0.lessonWording.item(using: &dice) } + [ShopGenericWording.checkBeforeReporting.item(using: &dice)]
        } else {
            reasoning += "The result was judged a failure, but from the trajectory alone I cannot pin down which step went wrong; the lesson is to take more care."
            items = [ShopGenericWording.vague(intent.template).item(using: &dice), ShopGenericWording.checkBeforeReporting.item(using: &dice)]
        }
        return Self.memoryItems(reasoning: reasoning, items: items, limit: prompt.maxItems)
    }

    /// The template's procedures whose method the trajectory's thoughts state.
    func usedProcedures(in prompt: ExtractionPrompt, intent: ShopIntent) -> [ShopProcedure] {
        let thoughts = prompt.allThoughts
        return intent.procedures.filter { $0.keyPhraseCount(in: thoughts) >= relevanceThreshold }
    }

    /// The procedures whose pitfall the trajectory ran into (or that its template always needs).
    func neededProcedures(in prompt: ExtractionPrompt, intent: ShopIntent) -> [ShopProcedure] {
        let observations = prompt.steps.map(\.observation).joined(separator: "\n")
        var needed: [ShopProcedure] = []
        if observations.contains("returned no results") { needed.append(.shortSearch) }
        switch intent.template {
        case .orderTotal, .orderDetailsPage: needed.append(.pageThroughOrders)
        case .cheapestInCategory, .topRatedInCategory: needed.append(.sortListing)
        case .productRating: if needed.isEmpty { needed.append(.shortSearch) }
        case .reviewCount: if needed.isEmpty { needed.append(.scrollAllReviews) }
        case .addToCart, .placeOrder:
            if observations.contains("choose an option") || needed.isEmpty { needed.append(.optionsFirst) }
            if observations.contains("required fields") { needed.append(.fillShippingForm) }
        }
        return needed
    }

    /// Memory mode `awm`: one workflow for the task's template, naming the procedures the
    /// trajectory used (with their key phrases); the default abstraction when it used none.
    public func induceWorkflow(from prompt: ExtractionPrompt, dice: inout SimulationDice) -> String {
        guard let query = prompt.query, let intent = ShopIntent(query) else { return Self.workflow(from: prompt) }
        let used = usedProcedures(in: prompt, intent: intent)
        guard !used.isEmpty else { return Self.workflow(from: prompt) }
        let steps = Self.workflowSteps(intent.template, using: Set(used))
        let item = ExtractedItem(
            title: "Workflow: " + ShopGenericWording.shortTopic(intent.template),
            description: "Tasks like: " + Self.abstract(Self.placeholders(query, intent: intent)),
            content: steps.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
        return "The trajectory succeeded; the workflow keeps the steps that moved it forward, with the task's values replaced by placeholders.\n\n"
            + item.markdown(index: 1)
    }

    /// The task with its named values replaced by descriptive placeholders.
    static func placeholders(_ query: String, intent: ShopIntent) -> String {
        var text = query
        let values: [(String, String)] =
            [(intent.product, "{product name}"), (intent.category, "{category}"), (intent.date, "{date}"),
             (intent.street, "{street}"), (intent.city, "{city}"), (intent.postcode, "{postcode}")]
            + intent.options.map { ($0.value, "{\($0.key.lowercased())}") }
        for (value, placeholder) in values where !value.isEmpty {
            text = text.replacingOccurrences(of: "'" + value + "'", with: placeholder)
            text = text.replacingOccurrences(of: value, with: placeholder)
        }
        return text
    }

    static func workflowSteps(_ template: ShopIntent.Template, using used: Set<ShopProcedure>) -> [String] {
        func search(_ used: Set<ShopProcedure>) -> [String] {
            [
                used.contains(.shortSearch)
                    ? "Type a search into the search box: \(ShopProcedure.shortSearch.method) → fill('{search box id}', '{distinctive word} {product noun}')"
                    : "Type the product name into the search box → fill('{search box id}', '{product name}')",
                "Submit the search → click('{search button id}')",
                "Open the result whose name matches → click('{product link id}')",
            ]
        }
        let options = "On the product page, \(ShopProcedure.optionsFirst.method) → select_option('{option box id}', '{option}') for each box, then click('{add to cart id}')"
        switch template {
        case .orderTotal, .orderDetailsPage:
            return [
                "Open the order history → click('{my orders id}')",
                "Page through the orders: \(ShopProcedure.pageThroughOrders.method) → click('{next page id}')",
                template == .orderTotal
                    ? "Read the total in the row with the date → send_msg_to_user('{total}')"
                    : "Open the row's View Order link → click('{view order id}'), then send_msg_to_user('Done')",
            ]
        case .cheapestInCategory, .topRatedInCategory:
            return [
                "Open the category → click('{category link id}')",
                "Sort: \(ShopProcedure.sortListing.method) → select_option('{sort box id}', '{sort option}')",
                template == .cheapestInCategory
                    ? "Read the first result's price → send_msg_to_user('{price}')"
                    : "Open the first result → click('{first product id}'), then send_msg_to_user('Done')",
            ]
        case .productRating:
            return search(used) + ["Read the rating on the product page → send_msg_to_user('{rating}')"]
        case .reviewCount:
            return search(used) + [
                used.contains(.scrollAllReviews)
                    ? "Count the reviews: \(ShopProcedure.scrollAllReviews.method) → scroll('down')"
                    : "Count the matching reviews on the page",
                "Answer with the count → send_msg_to_user('{count}')",
            ]
        case .addToCart:
            return search(used) + [options, "Check the confirmation line → send_msg_to_user('Done')"]
        case .placeOrder:
            return search(used) + [
                options, "Proceed to checkout → click('{proceed to checkout id}')",
                used.contains(.fillShippingForm)
                    ? "At checkout, \(ShopProcedure.fillShippingForm.method) → fill('{field id}', '{street}'), fill('{field id}', '{city}'), fill('{field id}', '{postcode}'), then click('{place order id}')"
                    : "Place the order → click('{place order id}')",
                "Check the confirmation → send_msg_to_user('Done')",
            ]
        }
    }
}
