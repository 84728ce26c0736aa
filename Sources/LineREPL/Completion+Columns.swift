extension Completion {
    /// `words` in columns that fit `width`, filled top to bottom then left to right (as `ls` does), each
    /// row ending with a line break.
    public static func columns(_ words: [String], width: Int) -> String {
        guard !words.isEmpty else { return "" }
        let cell = (words.map(\.count).max() ?? 0) + 2
        let columns = max(1, (max(width, cell) + 2) / cell)
        let rows = (words.count + columns - 1) / columns
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < words.count else { break }
                let word = words[index]
                let isLast = column == columns - 1 || index + rows >= words.count
                line += isLast ? word : word + String(repeating: " ", count: cell - word.count)
            }
            text += line + "\n"
        }
        return text
    }
}
