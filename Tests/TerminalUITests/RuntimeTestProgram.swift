import TerminalUI

/// A tiny program for runtime tests: it counts, records keys and sizes, echoes through effects, and
/// draws what it knows on a few lines.
///
/// Keys: `q` finishes; `x` asks for an `.echo` effect; `b` for a `.block` effect (never ends on its
/// own); `e` for an `.edit` effect (the terminal is suspended while it runs). Other keys are recorded.
enum CounterProgram: TerminalProgram {
    struct State: Sendable, Equatable {
        var count = 0
        var keys: [Key] = []
        var sizes: [Size] = []
        var echoed: [String] = []
        var edited: Int32?
        var finished = false
    }

    enum Message: Sendable {
        case add(Int)
        case key(Key)
        case resized(Size)
        case echoed(String)
        case edited(Int32)
        case finish
    }

    enum Effect: Sendable, Equatable {
        case echo(String)
        case block
        case edit
    }

    static func reduce(_ state: inout State, _ message: Message) -> [Effect] {
        switch message {
        case .add(let amount):
            state.count += amount
        case .key(.character("q")):
            state.finished = true
        case .key(.character("x")):
            return [.echo("x")]
        case .key(.character("b")):
            return [.block]
        case .key(.character("e")):
            return [.edit]
        case .key(let key):
            state.keys.append(key)
        case .resized(let size):
            state.sizes.append(size)
        case .echoed(let text):
            state.echoed.append(text)
        case .edited(let status):
            state.edited = status
        case .finish:
            state.finished = true
        }
        return []
    }

    static func render(_ state: State, size: Size, theme: Theme) -> Grid {
        var grid = Grid(size: size)
        grid.put("size \(size.width)x\(size.height)", x: 0, y: 0, style: theme[.title])
        grid.put("count \(state.count)", x: 0, y: 1, style: theme[.text])
        grid.put("key: \(state.keys.last.map(\.description) ?? "-")", x: 0, y: 2, style: theme[.accent])
        grid.put("keys \(state.keys.count)", x: 0, y: 3, style: theme[.muted])
        grid.put("wide: héllo 😀 界", x: 0, y: 4, style: theme[.success])
        grid.put("edited: \(state.edited.map(String.init) ?? "-")", x: 0, y: 5, style: theme[.warning])
        return grid
    }

    static func keyMessage(_ key: Key) -> Message { .key(key) }
    static func resizeMessage(_ size: Size) -> Message { .resized(size) }
    static func isFinished(_ state: State) -> Bool { state.finished }
}
