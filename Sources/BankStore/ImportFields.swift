import Foundation

/// Reads typed fields out of one JSON object of an import file, refusing wrong or missing values
/// with the file, the place (entry or line) and the field named.
struct ImportFields {
    let text: ImportText
    /// Where the object is, e.g. `entry 3 of 5 (id "…")` or `line 7`.
    let place: String
    /// The field path prefix, e.g. `memory_items[1].` for an item.
    let path: String
    /// The object as Foundation parsed it.
    let object: [String: Any]

    /// Reads `value` (as `JSONText.parse` gives it) as an object, or refuses it.
    init(_ value: Any, text: ImportText, place: String, path: String = "", what: String) throws {
        guard let object = value as? [String: Any] else {
            throw text.refusal(at: path.isEmpty ? place : "\(place), field \"\(path.dropLast())\"",
                "expected \(what) (a JSON object), found \(JSONText.describe(value))")
        }
        self.text = text
        self.place = place
        self.path = path
        self.object = object
    }

    func value(_ key: String) -> Any? { object[key] }

    /// The members whose keys are not in `keys`, for the lossless-export `extra` block.
    func members(except keys: Set<String>) -> [String: Any] { object.filter { !keys.contains($0.key) } }

    func refusal(_ key: String, _ problem: String) -> BankError {
        text.refusal(at: "\(place), field \"\(path)\(key)\"", problem)
    }

    func require(_ key: String, _ kind: String) throws -> Any {
        guard let value = value(key) else { throw refusal(key, "the required field is missing (expected \(kind))") }
        return value
    }

    func string(_ key: String) throws -> String {
        let value = try require(key, "a string")
        guard let string = value as? String else {
            throw refusal(key, "expected a string, found \(JSONText.describe(value))")
        }
        return string
    }

    func bool(_ key: String) throws -> Bool {
        let value = try require(key, "true or false")
        guard let flag = JSONText.bool(value) else {
            throw refusal(key, "expected true or false, found \(JSONText.describe(value))")
        }
        return flag
    }

    func number(_ key: String) throws -> Double {
        let value = try require(key, "a number")
        return try finite(key, value)
    }

    func array(_ key: String) throws -> [Any] {
        let value = try require(key, "an array")
        guard let array = value as? [Any] else { throw refusal(key, "expected an array, found \(JSONText.describe(value))") }
        return array
    }

    /// Absent or null → nil; a string → it; anything else refused.
    func optionalString(_ key: String) throws -> String? {
        guard let value = value(key), !JSONText.isNull(value) else { return nil }
        guard let string = value as? String else {
            throw refusal(key, "expected a string or null, found \(JSONText.describe(value))")
        }
        return string
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let value = value(key), !JSONText.isNull(value) else { return nil }
        guard let flag = JSONText.bool(value) else {
            throw refusal(key, "expected true, false or null, found \(JSONText.describe(value))")
        }
        return flag
    }

    func optionalNumber(_ key: String) throws -> Double? {
        guard let value = value(key), !JSONText.isNull(value) else { return nil }
        return try finite(key, value, orNull: true)
    }

    func optionalInteger(_ key: String) throws {
        guard let value = value(key), !JSONText.isNull(value) else { return }
        guard JSONText.isInteger(value) else {
            throw refusal(key, "expected a whole number or null, found \(JSONText.describe(value))")
        }
    }

    /// Absent or null → nil; an array of strings → it; anything else refused.
    func optionalStrings(_ key: String) throws -> [String]? {
        guard let value = value(key), !JSONText.isNull(value) else { return nil }
        guard let array = value as? [Any] else {
            throw refusal(key, "expected an array of strings, found \(JSONText.describe(value))")
        }
        return try array.enumerated().map { index, element in
            guard let string = element as? String else {
                throw refusal("\(key)[\(index)]", "expected a string, found \(JSONText.describe(element))")
            }
            return string
        }
    }

    private func finite(_ key: String, _ value: Any, orNull: Bool = false) throws -> Double {
        guard let number = JSONText.double(value) else {
            throw refusal(key, "expected a number\(orNull ? " or null" : ""), found \(JSONText.describe(value))")
        }
        guard number.isFinite else { throw refusal(key, "the number is too large to represent") }
        return number
    }

    /// Reads an embedding: a non-empty array of finite numbers.
    static func embedding(_ value: Any, refuse: (String) -> BankError) throws -> EmbeddingVector {
        guard let array = value as? [Any] else {
            throw refuse("expected an embedding (an array of numbers), found \(JSONText.describe(value))")
        }
        guard !array.isEmpty else { throw refuse("the embedding is an empty array; expected an array of numbers") }
        var numbers: [Double] = []
        numbers.reserveCapacity(array.count)
        for (index, element) in array.enumerated() {
            guard let number = JSONText.double(element) else {
                throw refuse("element \(index) of the embedding is \(JSONText.describe(element)), not a number")
            }
            guard number.isFinite else { throw refuse("element \(index) of the embedding is too large to represent") }
            numbers.append(number)
        }
        return EmbeddingVector(exactly: numbers)
    }
}
