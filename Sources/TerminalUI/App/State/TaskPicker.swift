import ReasoningBank

/// The overlay that picks a task to run: a filter typed as you go and a cursor in the matches.
struct TaskPicker: Sendable, Hashable {
    /// What the picked task is run as.
    enum Purpose: Sendable, Hashable {
        /// A plain run on the Run screen.
        case run
        /// A MaTTS run on the Compare screen.
        case scaling(ScalingMode, k: Int)
        /// The task with memory and without, side by side on the Compare screen.
        case memoryComparison
    }

    var purpose: Purpose = .run
    var filter = LineInput()
    var cursor = ListCursor()

    /// The tasks whose id, query or family contain every word of the filter (case-insensitive).
    func matches(_ tasks: [TaskSpec]) -> [TaskSpec] {
        let words = filter.text.lowercased().split(separator: " ")
        guard !words.isEmpty else { return tasks }
        return tasks.filter { task in
            let haystack = "\(task.id) \(task.query) \(task.family ?? "")".lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }
}
