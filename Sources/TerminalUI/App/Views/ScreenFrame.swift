/// The rows every screen shares: the top bar, the body, the status row and the key bar.
struct ScreenFrame: Sendable, Hashable {
    var top: Rect
    var body: Rect
    var status: Rect
    var bar: Rect

    /// The smallest terminal the workbench draws in.
    static let minimum = Size(width: 60, height: 16)

    init(size: Size) {
        let all = Rect(size: size)
        let (top, rest) = all.splitTop(1)
        let (middle, bar) = rest.splitBottom(1)
        let (body, status) = middle.splitBottom(1)
        self.top = top
        self.body = body
        self.status = status
        self.bar = bar
    }

    static func fits(_ size: Size) -> Bool { size.width >= minimum.width && size.height >= minimum.height }
}
