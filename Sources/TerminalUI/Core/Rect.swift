/// A rectangle of cells: origin at the top left, `x` to the right, `y` down.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// This rectangle shrunk by `amount` on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// The top `rows` rows and the rest.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let top = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: top), Rect(x: x, y: y + top, width: width, height: height - top))
    }

    /// The bottom `rows` rows and the rest.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let bottom = min(max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: height - bottom),
            Rect(x: x, y: maxY - bottom, width: width, height: bottom)
        )
    }

    /// The left `columns` columns and the rest.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let left = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: left, height: height), Rect(x: x + left, y: y, width: width - left, height: height))
    }

    /// Columns split by weights (e.g. `[2, 1]` gives two thirds and one third); rounding goes to the last.
    public func columns(_ weights: [Int]) -> [Rect] {
        split(weights, total: width) { offset, length in Rect(x: x + offset, y: y, width: length, height: height) }
    }

    /// Rows split by weights.
    public func rows(_ weights: [Int]) -> [Rect] {
        split(weights, total: height) { offset, length in Rect(x: x, y: y + offset, width: width, height: length) }
    }

    private func split(_ weights: [Int], total: Int, make: (Int, Int) -> Rect) -> [Rect] {
        let sum = weights.reduce(0) { $0 + max(0, $1) }
        guard sum > 0 else { return weights.map { _ in make(0, 0) } }
        var result: [Rect] = []
        var offset = 0
        for (index, weight) in weights.enumerated() {
            let length = index == weights.count - 1 ? total - offset : total * max(0, weight) / sum
            result.append(make(offset, length))
            offset += length
        }
        return result
    }
}
