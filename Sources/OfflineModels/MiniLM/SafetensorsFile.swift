import Foundation

/// A `.safetensors` file, memory-mapped read-only: an 8-byte little-endian header length, a JSON
/// header naming each tensor's dtype, shape and byte range, then the raw little-endian data.
///
/// Tensors are read in place from the mapping; nothing is copied until a caller copies it.
/// `@unchecked Sendable`: the mapping is read-only and immutable for the object's whole life, and
/// it is unmapped only in `deinit`, when no other reference can exist.
public final class SafetensorsFile: @unchecked Sendable {
    /// One tensor's entry in the header.
    public struct Entry: Sendable, Equatable {
        public var dtype: String
        public var shape: [Int]
        /// Byte range within the data section.
        public var range: Range<Int>
    }

    /// The file's path, for messages.
    public let path: String
    /// Every tensor in the header, by name.
    public let entries: [String: Entry]
    private let base: UnsafeRawPointer
    private let length: Int
    private let dataOffset: Int

    /// Maps `url` and reads its header. Throws `ModelFileError` naming the file on any problem.
    public init(url: URL) throws {
        path = url.path
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw ModelFileError.missing(file: url.path) }
            throw ModelFileError.unreadable(file: url.path, detail: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ModelFileError.unreadable(file: url.path, detail: String(cString: strerror(errno)))
        }
        let size = Int(status.st_size)
        guard size >= 8 else { throw ModelFileError.corrupt(file: url.path, detail: "it is only \(size) bytes long") }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            throw ModelFileError.unreadable(file: url.path, detail: "mmap failed: \(String(cString: strerror(errno)))")
        }
        let raw = UnsafeRawPointer(mapped)
        do {
            let headerLength = Int(UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)))
            guard headerLength > 0, headerLength <= size - 8 else {
                throw ModelFileError.corrupt(
                    file: url.path, detail: "its header length \(headerLength) does not fit in \(size) bytes")
            }
            let header = Data(bytes: raw + 8, count: headerLength)
            entries = try Self.parseHeader(header, file: url.path, dataLength: size - 8 - headerLength)
            dataOffset = 8 + headerLength
        } catch {
            munmap(mapped, size)
            throw error
        }
        base = raw
        length = size
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), length) }

    /// The F32 tensor `name`, checked against `shape`, as a buffer over the mapping (valid while `self` lives).
    public func floats(_ name: String, shape: [Int]) throws -> UnsafeBufferPointer<Float> {
        guard let entry = entries[name] else {
            throw ModelFileError.tensor(file: path, name: name, detail: "is missing")
        }
        guard entry.dtype == "F32" else {
            throw ModelFileError.tensor(file: path, name: name, detail: "is \(entry.dtype), not F32")
        }
        guard entry.shape == shape else {
            throw ModelFileError.tensor(
                file: path, name: name, detail: "has shape \(entry.shape), not \(shape)")
        }
        // Offsets were checked against the file size when the header was read; F32 data is 4-aligned in
        // every safetensors file the Hugging Face writer makes, and is checked here all the same.
        let start = base + dataOffset + entry.range.lowerBound
        guard Int(bitPattern: start) % MemoryLayout<Float>.alignment == 0 else {
            throw ModelFileError.tensor(file: path, name: name, detail: "is not 4-byte aligned")
        }
        return UnsafeBufferPointer(start: start.assumingMemoryBound(to: Float.self), count: entry.range.count / 4)
    }

    private static let elementSizes = ["F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1]

    private static func parseHeader(_ header: Data, file: String, dataLength: Int) throws -> [String: Entry] {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: header) } catch {
            throw ModelFileError.corrupt(file: file, detail: "its header is not JSON")
        }
        guard let table = object as? [String: Any] else {
            throw ModelFileError.corrupt(file: file, detail: "its header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        for (name, value) in table where name != "__metadata__" {
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                let shape = (info["shape"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                let offsets = (info["data_offsets"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                offsets.count == 2
            else {
                throw ModelFileError.corrupt(file: file, detail: "the header entry of \(name) lacks dtype, shape or data_offsets")
            }
            guard offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataLength else {
                throw ModelFileError.corrupt(
                    file: file, detail: "tensor \(name) lies at bytes \(offsets[0])..<\(offsets[1]), past the end of the file")
            }
            let count = shape.reduce(1, *)
            if let size = elementSizes[dtype], shape.allSatisfy({ $0 >= 0 }), count * size != offsets[1] - offsets[0] {
                throw ModelFileError.corrupt(
                    file: file, detail: "tensor \(name) has \(offsets[1] - offsets[0]) bytes for shape \(shape) of \(dtype)")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
        }
        return entries
    }
}
