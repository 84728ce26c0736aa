import Dispatch
import Foundation
import LineREPL
import Testing

@Suite("Plain line source: lines from a pipe, interruptible")
struct PlainLineSourceTests {
    /// A pipe: the source reads its read end; the test writes the other.
    private final class Pipe: Sendable {
        let read: Int32
        let write: Int32

        init() {
            var descriptors: [Int32] = [-1, -1]
            _ = pipe(&descriptors)
            read = descriptors[0]
            write = descriptors[1]
        }

        func send(_ text: String) {
            var bytes = Array(text.utf8)
            _ = Glibc.write(write, &bytes, bytes.count)
        }

        func closeWriting() { close(write) }

        deinit { close(read) }
    }

    @Test("lines come in order, without their line breaks or a carriage return; the last needs no break")
    func lines() async {
        let pipe = Pipe()
        pipe.send("bank list\r\nrun --task qa-001\n\nünï ✓\nno newline")
        pipe.closeWriting()
        let source = PlainLineSource(descriptor: pipe.read, prompts: .hidden)
        var reads: [LineRead] = []
        for _ in 0..<6 { reads.append(await source.readLine(prompt: "", remember: true)) }
        #expect(reads == [.line("bank list"), .line("run --task qa-001"), .line(""), .line("ünï ✓"), .line("no newline"), .end])
    }

    @Test("interrupt ends a read that waits for input; the next read gets the next line")
    func interruptingAWait() async throws {
        let pipe = Pipe()
        let source = PlainLineSource(descriptor: pipe.read, prompts: .hidden)
        #expect(source.interrupt() == false)
        let waiting = Task { await source.readLine(prompt: "", remember: false) }
        var interrupted = false
        for _ in 0..<200 where !interrupted {
            try await Task.sleep(for: .milliseconds(10))
            interrupted = source.interrupt()
        }
        #expect(interrupted)
        #expect(await waiting.value == .interrupted)
        pipe.send("after\n")
        #expect(await source.readLine(prompt: "", remember: false) == .line("after"))
    }

    @Test("a read in a cancelled task does not wait")
    func cancelled() async {
        let pipe = Pipe()
        let source = PlainLineSource(descriptor: pipe.read, prompts: .hidden)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await source.readLine(prompt: "", remember: false)
        }
        #expect(await task.value == .interrupted)
    }
}
