import Foundation

/// A trained router as bytes, so a process can start without retraining.
///
/// Layout (little-endian): the magic `STWRTR`, a format version (UInt32), then the settings as JSON,
/// the class names, the out-of-scope class, the keywords, the feature space (hash → id, idf, character-block
/// flags), the linear model and, when trained, the perceptron. Nothing in it is executable; a file
/// that does not parse is rejected with ``ModelArchiveError`` and the caller retrains.
enum ModelArchive {
    static let magic: [UInt8] = Array("STWRTR".utf8)
    static let version: UInt32 = 2
}

/// Why a stored router could not be read.
public enum ModelArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not a router archive of this version, or are cut short.
    case unreadable(reason: String)

    public var description: String {
        switch self {
        case .unreadable(let reason): "The stored router model cannot be read (\(reason)); it will be retrained."
        }
    }
}

/// Appends little-endian values to a byte buffer.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ raw: [UInt8]) { bytes += raw }
    mutating func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func append(_ value: Int) { append(UInt64(bitPattern: Int64(value))) }
    mutating func append(_ value: Float) { append(value.bitPattern) }
    mutating func append(_ value: String) {
        let utf8 = Array(value.utf8)
        append(utf8.count)
        bytes += utf8
    }
    mutating func append(_ values: [Float]) {
        append(values.count)
        values.withUnsafeBytes { bytes += $0 }
    }
    mutating func append(_ values: [Int32]) {
        append(values.count)
        values.withUnsafeBytes { bytes += $0 }
    }
    mutating func append(_ values: [UInt64]) {
        append(values.count)
        values.withUnsafeBytes { bytes += $0 }
    }
}

/// Reads what ``ByteWriter`` wrote, failing on truncation.
struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func take(_ count: Int) throws(ModelArchiveError) -> ArraySlice<UInt8> {
        guard count >= 0, position + count <= bytes.count else { throw .unreadable(reason: "cut short") }
        defer { position += count }
        return bytes[position..<position + count]
    }
    mutating func uint32() throws(ModelArchiveError) -> UInt32 {
        let slice = try take(4)
        return slice.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
    mutating func uint64() throws(ModelArchiveError) -> UInt64 {
        let slice = try take(8)
        return slice.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
    mutating func int() throws(ModelArchiveError) -> Int {
        let value = Int64(bitPattern: try uint64())
        guard value >= 0, value < Int64(Int32.max) else { throw .unreadable(reason: "bad length") }
        return Int(value)
    }
    mutating func float() throws(ModelArchiveError) -> Float { Float(bitPattern: try uint32()) }
    mutating func string() throws(ModelArchiveError) -> String {
        let count = try int()
        guard let text = String(bytes: try take(count), encoding: .utf8) else { throw .unreadable(reason: "bad text") }
        return text
    }
    mutating func floats() throws(ModelArchiveError) -> [Float] { try array(Float.self) }
    mutating func int32s() throws(ModelArchiveError) -> [Int32] { try array(Int32.self) }
    mutating func uint64s() throws(ModelArchiveError) -> [UInt64] { try array(UInt64.self) }

    private mutating func array<T>(_: T.Type) throws(ModelArchiveError) -> [T] {
        let count = try int()
        let slice = try take(count * MemoryLayout<T>.stride)
        return slice.withUnsafeBytes { raw in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                if count > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw) }
                initialized = count
            }
        }
    }
}

extension IntentRouter {
    /// The trained router as bytes, for ``init(archive:)``; keywords and settings included.
    public func archive() -> [UInt8] {
        var w = ByteWriter()
        w.append(ModelArchive.magic)
        w.append(ModelArchive.version)
        w.append(String(decoding: (try? JSONEncoder().encode(settings)) ?? Data(), as: UTF8.self))
        w.append(classNames.count)
        for name in classNames { w.append(name) }
        w.append(outOfScopeClass ?? -1)
        w.append(keywordPhrases.count)
        for (intent, phrases) in keywordPhrases.sorted(by: { $0.key < $1.key }) {
            w.append(intent)
            w.append(phrases.count)
            for phrase in phrases { w.append(phrase) }
        }
        features.write(to: &w)
        model.write(to: &w)
        if let perceptron {
            w.append(1)
            perceptron.write(to: &w)
        } else {
            w.append(0)
        }
        return w.bytes
    }

    /// Restores a router written by ``archive()``.
    ///
    /// - Throws: ``ModelArchiveError`` when the bytes are not an archive of this version.
    public init(archive bytes: [UInt8]) throws(ModelArchiveError) {
        var r = ByteReader(bytes)
        guard Array(try r.take(ModelArchive.magic.count)) == ModelArchive.magic else { throw .unreadable(reason: "not a router model") }
        guard try r.uint32() == ModelArchive.version else { throw .unreadable(reason: "another format version") }
        guard let settings = try? JSONDecoder().decode(RouterSettings.self, from: Data(try r.string().utf8)) else {
            throw .unreadable(reason: "bad settings")
        }
        var names: [String] = []
        for _ in 0..<(try r.int()) { names.append(try r.string()) }
        let oos = Int64(bitPattern: try r.uint64())
        var keywords: [String: [String]] = [:]
        for _ in 0..<(try r.int()) {
            let intent = try r.string()
            var phrases: [String] = []
            for _ in 0..<(try r.int()) { phrases.append(try r.string()) }
            keywords[intent] = phrases
        }
        let features = try FeatureSpace(reading: &r)
        let model = try LinearModel(reading: &r)
        let perceptron = try r.int() == 1 ? try MLPModel(reading: &r) : nil
        guard model.classCount == names.count, model.featureCount == features.count,
            perceptron.map({ $0.classCount == names.count && $0.featureCount == features.count }) ?? true
        else { throw .unreadable(reason: "inconsistent sizes") }
        self.init(
            settings: settings, classNames: names, outOfScopeClass: oos >= 0 ? Int(oos) : nil, features: features,
            model: model, perceptron: perceptron, keywords: keywords)
    }
}
