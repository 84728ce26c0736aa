import CEditLine
import Dispatch
import Foundation

/// Lines from standard input without editing: a pipe, a file, or a terminal in its ordinary line mode.
/// Every line, commands and step-mode answers alike, comes through one buffer, so a script's lines are
/// read in order by whoever asks next.
public final class PlainLineSource: LineSource, @unchecked Sendable {
    // @unchecked: `buffer` and `ended` are touched only on `queue`; `waiter` is itself thread-safe.

    /// What happens to prompts.
    public enum Prompts: Sendable {
        /// Nothing is shown: output stays exactly what the commands print.
        case hidden
        /// The prompt is written before each read (a person is typing).
        case shown
        /// Each line is written after it is read, after its prompt, as a log of the session.
        case echoed
    }

    private let descriptor: Int32
    private let prompts: Prompts
    private let queue = DispatchQueue(label: "rbank.plain-line-source")
    private let waiter = ReadWaiter()
    private var buffer: [UInt8] = []
    private var ended = false

    /// Reads `descriptor` (standard input by default).
    public init(descriptor: Int32 = STDIN_FILENO, prompts: Prompts) {
        self.descriptor = descriptor
        self.prompts = prompts
    }

    public func readLine(prompt: String, remember: Bool) async -> LineRead {
        waiter.begin()
        if Task.isCancelled {
            waiter.end()
            return .interrupted
        }
        if case .shown = prompts { Self.write(prompt) }
        let read = await withCheckedContinuation { continuation in
            queue.async {
                let read = self.nextLine()
                self.waiter.end()
                continuation.resume(returning: read)
            }
        }
        if case .echoed = prompts, case .line(let line) = read { Self.write(prompt + line + "\n") }
        return read
    }

    @discardableResult
    public func interrupt() -> Bool { waiter.wake() }

    private func nextLine() -> LineRead {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Self.text(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return .line(line)
            }
            if ended {
                guard !buffer.isEmpty else { return .end }
                defer { buffer.removeAll() }
                return .line(Self.text(buffer[...]))
            }
            guard waiter.wait(for: descriptor) else { return .interrupted }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor, &chunk, chunk.count)
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                ended = true
            }
        }
    }

    /// A line's text: UTF-8 (invalid bytes replaced), without a carriage return before the line break.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        let line = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes
        return String(decoding: line, as: UTF8.self)
    }

    /// Writes through C's standard output, the stream `print` uses, so the order with command output holds.
    static func write(_ text: String) {
        fputs(text, rb_stdout())
        fflush(rb_stdout())
    }
}
