/// A line diff by longest common subsequence: each line of the result is kept (` `), removed (`-`) or
/// added (`+`). Small and exact, for comparing two revisions of a memory item.
enum LineDiff {
    /// What happened to one line.
    enum Change: Sendable, Hashable {
        case kept(String)
        case removed(String)
        case added(String)

        /// The line as a diff shows it: `  text`, `- text`, `+ text`.
        var text: String {
            switch self {
            case .kept(let line): "  " + line
            case .removed(let line): "- " + line
            case .added(let line): "+ " + line
            }
        }
    }

    /// The changes that turn `old` into `new`. Removals come before additions at each difference.
    static func diff(_ old: [String], _ new: [String]) -> [Change] {
        let rows = old.count
        let columns = new.count
        // lengths[i][j] = length of the LCS of old[i...] and new[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: columns + 1), count: rows + 1)
        for i in stride(from: rows - 1, through: 0, by: -1) {
            for j in stride(from: columns - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var changes: [Change] = []
        var i = 0
        var j = 0
        while i < rows, j < columns {
            if old[i] == new[j] {
                changes.append(.kept(old[i]))
                i += 1
                j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                changes.append(.removed(old[i]))
                i += 1
            } else {
                changes.append(.added(new[j]))
                j += 1
            }
        }
        changes += old[i...].map(Change.removed)
        changes += new[j...].map(Change.added)
        return changes
    }

    /// The diff of two texts, line by line.
    static func diff(_ old: String, _ new: String) -> [Change] {
        diff(lines(old), lines(new))
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
