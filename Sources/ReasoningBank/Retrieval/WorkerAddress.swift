/// The address of a buffer that the workers of one `DispatchQueue.concurrentPerform` share.
///
/// `@unchecked Sendable`: `concurrentPerform` returns only when every worker is done, so the buffer
/// outlives their use of it, and the workers write disjoint rows of it (or only read it).
struct WorkerAddress<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
    init(_ base: UnsafePointer<Element>) { self.base = UnsafeMutablePointer(mutating: base) }
}
