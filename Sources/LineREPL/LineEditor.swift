import CEditLine
import Dispatch
import Foundation

/// A prompt with libedit line editing on a terminal: emacs keys (or the user's `~/.editrc`), the history
/// on the arrow keys and Ctrl-R, Tab completion, Ctrl-C to clear the line, Ctrl-D on an empty line to
/// end input.
///
/// Each entered line is added to the history and the history file is written at once, so a crash loses
/// nothing.
public final class LineEditor: LineSource, @unchecked Sendable {
    // @unchecked: every libedit call, and every touch of `state`, happens on `queue` (libedit is not
    // thread-safe; its callbacks run on the thread that called el_gets). `waiter` is itself thread-safe.
    private let queue = DispatchQueue(label: "rbank.line-editor")
    private let state: LineEditorState
    private let waiter = ReadWaiter()

    /// A line editor on standard input and output, walking `history` and saving it to `historyFile`
    /// (when given) after each line. Call only when both are a terminal.
    public init(history: LineHistory, historyFile: String?) {
        Self.configureLocale()
        state = LineEditorState(history: history, historyFile: historyFile, waiter: waiter)
    }

    deinit {
        // Every block on `queue` holds `self`, so none is pending now: closing here cannot race it (and
        // this may run on `queue` itself, when its last block releases the editor).
        state.close()
    }

    /// The completion Tab uses from the next key press on (nil: Tab beeps).
    public func setCompleter(_ completer: Completer?) {
        queue.async { self.state.completer = completer }
    }

    /// Problems writing the history file so far (the first is enough to tell the user).
    public func historyProblem() async -> String? {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.state.historyProblem) }
        }
    }

    public func readLine(prompt: String, remember: Bool) async -> LineRead {
        waiter.begin()
        if Task.isCancelled {
            waiter.end()
            return .interrupted
        }
        return await withCheckedContinuation { continuation in
            queue.async {
                let read = self.state.line(prompt: prompt, remember: remember)
                self.waiter.end()
                continuation.resume(returning: read)
            }
        }
    }

    @discardableResult
    public func interrupt() -> Bool { waiter.wake() }

    /// libedit needs a character locale to edit UTF-8: the user's, or C.UTF-8 when that is not UTF-8.
    private static func configureLocale() {
        setlocale(LC_CTYPE, "")
        let codeset = rb_ctype_codeset().map { String(cString: $0) } ?? ""
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" { setlocale(LC_CTYPE, "C.UTF-8") }
    }
}

/// The libedit state behind a `LineEditor`, used on its queue only. libedit's callbacks find it through
/// the editor's client data.
final class LineEditorState {
    let editLine: OpaquePointer
    let history: LineHistory
    let historyFile: String?
    let waiter: ReadWaiter
    var completer: Completer?
    private(set) var historyProblem: String?
    /// The prompt as C text, for libedit's prompt callback.
    private(set) var prompt: UnsafeMutablePointer<CChar>?
    /// Set by the Ctrl-C key during a read.
    private var interrupted = false
    /// Set when the waiter woke the read.
    private var woken = false
    private var isClosed = false

    init(history: LineHistory, historyFile: String?, waiter: ReadWaiter) {
        self.history = history
        self.historyFile = historyFile
        self.waiter = waiter
        editLine = el_init("rbank", rb_stdin(), rb_stdout(), rb_stderr())
        _ = rb_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = rb_el_set_editor(editLine, "emacs")
        _ = rb_el_set_signal(editLine, 0)
        _ = rb_el_set_history(editLine, history.pointer)
        _ = rb_el_set_prompt(editLine) { editLine in LineEditorState.owner(of: editLine)?.prompt }
        _ = rb_el_set_reader(editLine) { editLine, character in
            guard let state = LineEditorState.owner(of: editLine), let character else { return -1 }
            return state.readCharacter(into: character)
        }
        _ = rb_el_add_function(editLine, "rbank-complete", "Complete the command, option or value at the cursor") { editLine, _ in
            LineEditorState.owner(of: editLine)?.complete() ?? UInt8(CC_REFRESH_BEEP)
        }
        _ = rb_el_bind(editLine, "^I", "rbank-complete")
        _ = rb_el_add_function(editLine, "rbank-interrupt", "Abandon the line") { editLine, _ in
            LineEditorState.owner(of: editLine)?.interrupted = true
            return UInt8(CC_EOF)
        }
        _ = rb_el_bind(editLine, "^C", "rbank-interrupt")
        // Ctrl-C arrives as a key while editing (no SIGINT), so it clears the line instead of ending the process.
        _ = rb_el_set_edit_tty(editLine, "-isig")
        // The user's own bindings (~/.editrc or $EDITRC), if any.
        _ = el_source(editLine, nil)
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        el_end(editLine)
        free(prompt)
    }

    static func owner(of editLine: OpaquePointer?) -> LineEditorState? {
        guard let editLine, let data = rb_el_client_data(editLine) else { return nil }
        return Unmanaged<LineEditorState>.fromOpaque(data).takeUnretainedValue()
    }

    func line(prompt text: String, remember: Bool) -> LineRead {
        free(prompt)
        prompt = strdup(text)
        interrupted = false
        woken = false
        fflush(rb_stdout())
        var count: Int32 = 0
        let line = el_gets(editLine, &count)
        if interrupted || woken {
            write(interrupted ? "^C\n" : "\n")
            return .interrupted
        }
        guard let line, count > 0 else {
            write("\n")
            return .end
        }
        var text = String(cString: line)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        if remember { keep(text) }
        return .line(text)
    }

    private func keep(_ line: String) {
        history.add(line)
        guard let historyFile else { return }
        do { try history.save(to: historyFile) } catch {
            if historyProblem == nil { historyProblem = "cannot write the history to \(historyFile)" }
        }
    }

    /// libedit's character reader: one character from standard input, or the end of input (0) when the
    /// waiter is woken, so that `interrupt()` ends a read in progress.
    func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        var first: UInt8 = 0
        while true {
            guard waiter.wait(for: STDIN_FILENO) else {
                woken = true
                return 0
            }
            let count = read(STDIN_FILENO, &first, 1)
            if count == 1 { break }
            if count == 0 { return 0 }
            if errno != EINTR && errno != EAGAIN { return -1 }
        }
        let length = first < 0x80 ? 1 : first >> 5 == 0b110 ? 2 : first >> 4 == 0b1110 ? 3 : first >> 3 == 0b11110 ? 4 : 0
        guard length > 0 else {
            character.pointee = 0xFFFD
            return 1
        }
        var bytes = [first]
        while bytes.count < length {
            var next: UInt8 = 0
            let count = read(STDIN_FILENO, &next, 1)
            if count == 1 {
                bytes.append(next)
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                break
            }
        }
        let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD
        character.pointee = wchar_t(bitPattern: scalar)
        return 1
    }

    /// Tab: completes the word before the cursor, or lists the candidates below the line.
    func complete() -> UInt8 {
        guard let completer, let info = el_line(editLine), let buffer = info.pointee.buffer, let cursor = info.pointee.cursor else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let typed = String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursor - buffer), as: UTF8.self)
        let completion = completer.complete(typed)
        if !completion.insertion.isEmpty {
            _ = el_insertstr(editLine, completion.insertion)
            return UInt8(CC_REFRESH)
        }
        guard completion.showsList else { return UInt8(CC_REFRESH_BEEP) }
        let width = Int(rb_terminal_columns(STDOUT_FILENO))
        write("\n" + Completion.columns(completion.candidates, width: width > 0 ? width : 80))
        return UInt8(CC_REDISPLAY)
    }

    private func write(_ text: String) {
        fputs(text, rb_stdout())
        fflush(rb_stdout())
    }
}
