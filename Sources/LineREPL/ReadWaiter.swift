import Foundation
import Synchronization

/// Waits until a file descriptor has something to read, or until another thread wakes the wait.
///
/// The wake-up is a byte on a private pipe that `poll` watches beside the descriptor. It is written only
/// while a read is in progress (between `begin` and `end`), and `end` drains it, so no wake-up outlives
/// the read it was meant for.
final class ReadWaiter: Sendable {
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// Whether a read is in progress.
    private let reading = Mutex(false)

    init() {
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) == 0 {
            for descriptor in descriptors {
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
            }
        }
        wakeRead = descriptors[0]
        wakeWrite = descriptors[1]
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// A read begins.
    func begin() { reading.withLock { $0 = true } }

    /// The read has ended; a wake-up that came too late for it is dropped.
    func end() {
        reading.withLock { reading in
            reading = false
            drain()
        }
    }

    /// Wakes the read in progress; returns whether there was one.
    func wake() -> Bool {
        reading.withLock { reading in
            guard reading else { return false }
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
            return true
        }
    }

    /// Blocks until `descriptor` can be read (true: a read will not block, or will report the end or an
    /// error) or a wake-up arrives (false).
    func wait(for descriptor: Int32) -> Bool {
        while true {
            var descriptors = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return true
            }
            if descriptors[1].revents & Int16(POLLIN) != 0 {
                reading.withLock { _ in drain() }
                return false
            }
            if descriptors[0].revents != 0 { return true }
        }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }
}
