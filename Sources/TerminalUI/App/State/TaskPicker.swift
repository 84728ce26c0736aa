import ReasoningBank

/// The overlay that picks a task to run: a filter typed as you go and a cursor in the matches.
struct TaskPicker: Sendable, Hashable {
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
