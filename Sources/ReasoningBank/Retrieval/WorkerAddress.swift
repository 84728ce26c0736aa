import Foundation

/// The address of a buffer that the workers of one `DispatchQueue.concurrentPerform` share.
///
/// `@unchecked Sendable`: `concurrentPerform` returns only when every worker is done, so the buffer
/// outlives their use of it, and the workers write disjoint rows of it (or only read it).
struct WorkerAddress<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
    init(_ base: UnsafePointer<Element>) { self.base = UnsafeMutablePointer(mutating: base) }
}

/// Runs `body` over `rows` split into one contiguous range per core when there are at least `parallelFrom`
/// rows, or over all of them on this thread; returns when every range is done.
func splitAcrossCores(_ rows: Range<Int>, parallelFrom: Int, _ body: @Sendable (Range<Int>) -> Void) {
    let chunks = rows.count >= parallelFrom ? ProcessInfo.processInfo.activeProcessorCount : 1
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        body((rows.lowerBound + rows.count * chunk / chunks)..<(rows.lowerBound + rows.count * (chunk + 1) / chunks))
    }
}
