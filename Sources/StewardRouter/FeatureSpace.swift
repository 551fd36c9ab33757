/// A sparse TF-IDF vector: sorted feature ids and their weights.
struct SparseVector: Sendable {
    var ids: [Int32] = []
    var values: [Float] = []
    /// Share of the message's word tokens seen in training (1 when the message has no words).
    var coverage: Float = 1
}

/// The message-to-vector mapping: hashed word, word-bigram and character n-gram features,
/// a dictionary of the features seen in training, and their inverse document frequencies.
///
/// Feature hashes carry their block in the top bit (set for character n-grams) so that the two
/// blocks are L2-normalised separately and then weighted, like a union of two vectorizers.
struct FeatureSpace: Sendable {
    struct Config: Sendable, Hashable {
        var wordBigrams: Bool
        var charMinN: Int
        var charMaxN: Int
        var charWeight: Float
        /// Features seen in fewer training messages than this are dropped (1 keeps every feature).
        var minDocumentFrequency: Int = 1
    }

    let config: Config
    /// Hash to feature id, for features seen in training.
    private(set) var index: [UInt64: Int32] = [:]
    /// Smoothed inverse document frequency of each feature: ln((1 + n) / (1 + df)) + 1.
    private(set) var idf: [Float] = []
    /// Whether each feature belongs to the character block.
    private(set) var isChar: [Bool] = []

    var count: Int { idf.count }

    static let charBlockBit: UInt64 = 1 << 63

    /// Restores a feature space written by ``write(to:)``.
    init(reading r: inout ByteReader) throws(ModelArchiveError) {
        config = Config(
            wordBigrams: try r.int() == 1, charMinN: try r.int(), charMaxN: try r.int(), charWeight: try r.float(),
            minDocumentFrequency: try r.int())
        let hashes = try r.uint64s()
        let ids = try r.int32s()
        idf = try r.floats()
        isChar = try r.int32s().map { $0 != 0 }
        guard hashes.count == ids.count, idf.count == isChar.count, ids.allSatisfy({ $0 >= 0 && Int($0) < idf.count })
        else { throw .unreadable(reason: "bad feature space") }
        index = Dictionary(zip(hashes, ids), uniquingKeysWith: { a, _ in a })
    }

    /// Writes the feature space for ``init(reading:)``.
    func write(to w: inout ByteWriter) {
        w.append(config.wordBigrams ? 1 : 0)
        w.append(config.charMinN)
        w.append(config.charMaxN)
        w.append(config.charWeight)
        w.append(config.minDocumentFrequency)
        let pairs = index.sorted { $0.value < $1.value }
        w.append(pairs.map(\.key))
        w.append(pairs.map(\.value))
        w.append(idf)
        w.append(isChar.map { $0 ? Int32(1) : 0 })
    }

    /// Builds the dictionary and idf from training token lists.
    init(config: Config, documents: [[Tokenizer.Token]]) {
        self.config = config
        var documentFrequency: [Int32] = []
        var hashes: [UInt64] = []
        var names: [String]? = nil
        var seen: [Int32] = []
        var seenMark: [Int32] = []
        index.reserveCapacity(documents.count * 8)
        for (docNumber, tokens) in documents.enumerated() {
            hashes.removeAll(keepingCapacity: true)
            collect(tokens, into: &hashes, names: &names)
            seen.removeAll(keepingCapacity: true)
            for hash in hashes {
                let id: Int32
                if let existing = index[hash] {
                    id = existing
                } else {
                    id = Int32(documentFrequency.count)
                    index[hash] = id
                    documentFrequency.append(0)
                    isChar.append(hash & Self.charBlockBit != 0)
                    seenMark.append(-1)
                }
                if seenMark[Int(id)] != Int32(docNumber) {
                    seenMark[Int(id)] = Int32(docNumber)
                    documentFrequency[Int(id)] += 1
                }
            }
        }
        if config.minDocumentFrequency > 1 {
            // Keep the features seen in enough messages, renumbered in their first-seen order.
            var newID = [Int32](repeating: -1, count: documentFrequency.count)
            var kept: [Int32] = []
            var keptIsChar: [Bool] = []
            for (id, frequency) in documentFrequency.enumerated() where frequency >= Int32(config.minDocumentFrequency) {
                newID[id] = Int32(kept.count)
                kept.append(frequency)
                keptIsChar.append(isChar[id])
            }
            index = index.compactMapValues { newID[Int($0)] >= 0 ? newID[Int($0)] : nil }
            documentFrequency = kept
            isChar = keptIsChar
        }
        let n = Float(documents.count)
        idf = documentFrequency.map { logf((1 + n) / (1 + Float($0))) + 1 }
    }

    /// The TF-IDF vector of a tokenised message; unknown features are dropped.
    func vector(_ tokens: [Tokenizer.Token]) -> SparseVector {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(256)
        var names: [String]? = nil
        collect(tokens, into: &hashes, names: &names)
        var ids: [Int32] = []
        ids.reserveCapacity(hashes.count)
        for hash in hashes {
            if let id = index[hash] { ids.append(id) }
        }
        var vector = weigh(ids)
        var known = 0
        for token in tokens where index[Self.finish(Self.wordHash(Self.wordForm(token)), char: false)] != nil { known += 1 }
        vector.coverage = tokens.isEmpty ? 1 : Float(known) / Float(tokens.count)
        return vector
    }

    /// The message's known features with readable names, keyed by feature id.
    func namedFeatures(_ tokens: [Tokenizer.Token]) -> [Int32: String] {
        var hashes: [UInt64] = []
        var names: [String]? = []
        collect(tokens, into: &hashes, names: &names)
        var result: [Int32: String] = [:]
        for (hash, name) in zip(hashes, names ?? []) {
            if let id = index[hash], result[id] == nil { result[id] = name }
        }
        return result
    }

    /// Turns a bag of feature ids (with repeats) into a sublinear-tf, idf-weighted, block-normalised vector.
    private func weigh(_ unsortedIds: [Int32]) -> SparseVector {
        var sorted = unsortedIds
        sorted.sort()
        var vector = SparseVector()
        vector.ids.reserveCapacity(sorted.count)
        vector.values.reserveCapacity(sorted.count)
        var position = 0
        var wordNorm: Float = 0
        var charNorm: Float = 0
        while position < sorted.count {
            let id = sorted[position]
            var end = position + 1
            while end < sorted.count, sorted[end] == id { end += 1 }
            let tf = 1 + logf(Float(end - position))
            let value = tf * idf[Int(id)]
            vector.ids.append(id)
            vector.values.append(value)
            if isChar[Int(id)] { charNorm += value * value } else { wordNorm += value * value }
            position = end
        }
        let wordScale: Float = wordNorm > 0 ? 1 / wordNorm.squareRoot() : 0
        let charScale: Float = charNorm > 0 ? config.charWeight / charNorm.squareRoot() : 0
        for k in vector.ids.indices {
            vector.values[k] *= isChar[Int(vector.ids[k])] ? charScale : wordScale
        }
        return vector
    }

    // MARK: - Feature hashing

    private static let prime: UInt64 = 0x100000001b3
    private static let basis: UInt64 = 0xcbf29ce484222325

    @inline(__always)
    private static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        (hash ^ value) &* prime
    }

    @inline(__always)
    private static func finish(_ hash: UInt64, char: Bool) -> UInt64 {
        var z = hash
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        z ^= z >> 31
        return char ? (z | charBlockBit) : (z & ~charBlockBit)
    }

    /// The word-level spelling of a token: shapes for numbers, order numbers and emails.
    private static func wordForm(_ token: Tokenizer.Token) -> String {
        switch token.kind {
        case .word, .dense: return token.text
        case .number: return "<number>"
        case .orderNumber: return "<order-number>"
        case .email: return "<email>"
        }
    }

    private static func wordHash(_ form: String) -> UInt64 {
        var hash = mix(basis, 1)
        for byte in form.utf8 { hash = mix(hash, UInt64(byte)) }
        return hash
    }

    /// Appends the hashes of every feature occurrence of a message (and their names, when asked).
    func collect(_ tokens: [Tokenizer.Token], into hashes: inout [UInt64], names: inout [String]?) {
        let wantNames = names != nil
        var previous: (hash: UInt64, form: String)? = nil
        var scalars: [UInt32] = []
        scalars.reserveCapacity(32)
        for token in tokens {
            let form = Self.wordForm(token)
            let hash = Self.wordHash(form)
            hashes.append(Self.finish(hash, char: false))
            if wantNames { names!.append(form) }
            if token.kind == .number {
                // The literal number too: "24 hours", "401k" are words in their own right.
                let literal = Self.wordHash(token.text)
                hashes.append(Self.finish(literal, char: false))
                if wantNames { names!.append(token.text) }
            }
            if config.wordBigrams, let before = previous {
                hashes.append(Self.finish(Self.mix(Self.mix(Self.mix(Self.basis, 2), before.hash), hash), char: false))
                if wantNames { names!.append(before.form + " " + form) }
            }
            previous = (hash, form)

            // Character n-grams within word boundaries (padded with spaces), like scikit-learn's char_wb.
            guard token.kind == .word || token.kind == .dense else { continue }
            scalars.removeAll(keepingCapacity: true)
            scalars.append(0x20)
            for scalar in token.text.unicodeScalars { scalars.append(scalar.value) }
            scalars.append(0x20)
            var minN = config.charMinN
            var maxN = config.charMaxN
            if token.kind == .dense { minN = 1; maxN = max(3, min(maxN, 3)) }
            guard minN > 0, maxN >= minN else { continue }
            let length = scalars.count
            for start in 0..<length {
                var hash = Self.mix(Self.basis, 3)
                var n = 0
                while n < maxN, start + n < length {
                    hash = Self.mix(hash, UInt64(scalars[start + n]))
                    n += 1
                    if n >= minN {
                        // Skip the lone padding space and single-character n-grams of padding.
                        if n == 1, scalars[start] == 0x20 { continue }
                        hashes.append(Self.finish(Self.mix(hash, UInt64(n) << 40), char: true))
                        if wantNames {
                            var view = String.UnicodeScalarView()
                            for k in start..<(start + n) { view.append(Unicode.Scalar(scalars[k])!) }
                            names!.append("chars \"\(String(view))\"")
                        }
                    }
                }
            }
        }
    }
}

import Foundation
