import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only log file shared by every ``FileLogHandler``: one lock-protected descriptor opened
/// with `O_APPEND`, so whole lines from many threads (and processes) never interleave.
public final class LogFileSink: Sendable {
    /// The file written to.
    public let url: URL
    private let descriptor: Mutex<Int32>

    /// Opens (creating when needed, mode 0600) `url` for appending, creating its folder first.
    public init(url: URL) throws(LogSetupError) {
        self.url = url.standardizedFileURL
        let folder = self.url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateFolder(path: folder.path, reason: (error as NSError).localizedDescription)
        }
        let fd = open(self.url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .cannotOpenFile(path: self.url.path, reason: String(cString: strerror(errno)))
        }
        descriptor = Mutex(fd)
    }

    deinit {
        descriptor.withLock { fd in
            if fd >= 0 { _ = close(fd) }
            fd = -1
        }
    }

    /// Appends `line` and a newline. Failures are dropped: logging never stops the tool.
    public func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glue.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { return }
                    offset += written
                }
            }
        }
    }
}

/// The C calls, named apart from the methods that share their names.
private enum Glue {
    static func write(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
        Darwin.write(fd, pointer, count)
        #elseif canImport(Musl)
        Musl.write(fd, pointer, count)
        #else
        Glibc.write(fd, pointer, count)
        #endif
    }
}
