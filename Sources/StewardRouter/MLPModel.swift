import Foundation

/// A one-hidden-layer perceptron over sparse features: ReLU hidden layer, softmax output.
///
/// The first layer is stored feature-major (`w1[feature * hidden + unit]`) so a message's hidden
/// pre-activation is the sum of one weight row per nonzero feature; the second layer is stored
/// unit-major (`w2[unit * stride + class]`). Trained by per-example SGD with a linearly decaying
/// learning rate (fastText style), dropout on the input features and on the hidden layer.
struct MLPModel: Sendable {
    let classCount: Int
    /// Row length of the second layer: the class count rounded up to a multiple of 8.
    let stride: Int
    /// Hidden units, a multiple of 8.
    let hidden: Int
    let featureCount: Int
    private(set) var w1: [Float]
    private(set) var b1: [Float]
    private(set) var w2: [Float]
    private(set) var b2: [Float]

    struct Hyperparameters: Sendable, Hashable {
        var hidden: Int
        var epochs: Int
        var learningRate: Float
        var dropout: Float
        var inputDropout: Float
        var initScale: Float
        var seed: UInt64
    }

    /// Restores a model written by ``write(to:)``.
    init(reading r: inout ByteReader) throws(ModelArchiveError) {
        classCount = try r.int()
        hidden = try r.int()
        featureCount = try r.int()
        stride = (classCount + 7) / 8 * 8
        w1 = try r.floats()
        b1 = try r.floats()
        w2 = try r.floats()
        b2 = try r.floats()
        guard hidden % 8 == 0, w1.count == featureCount * hidden, b1.count == hidden, w2.count == hidden * stride,
            b2.count == stride
        else { throw .unreadable(reason: "bad perceptron") }
    }

    /// Writes the model for ``init(reading:)``.
    func write(to w: inout ByteWriter) {
        w.append(classCount)
        w.append(hidden)
        w.append(featureCount)
        w.append(w1)
        w.append(b1)
        w.append(w2)
        w.append(b2)
    }

    init(featureCount: Int, classCount: Int, hidden: Int) {
        self.classCount = classCount
        self.stride = (classCount + 7) / 8 * 8
        self.hidden = max(8, (hidden + 7) / 8 * 8)
        self.featureCount = featureCount
        w1 = [Float](repeating: 0, count: featureCount * self.hidden)
        b1 = [Float](repeating: 0, count: self.hidden)
        w2 = [Float](repeating: 0, count: self.hidden * self.stride)
        b2 = [Float](repeating: 0, count: self.stride)
    }

    /// Raw scores (logits) of every class.
    func scores(_ x: SparseVector) -> [Float] {
        var a = [Float](repeating: 0, count: hidden)
        var z = [Float](repeating: 0, count: stride)
        w1.withUnsafeBufferPointer { w1 in
            b1.withUnsafeBufferPointer { b1 in
                w2.withUnsafeBufferPointer { w2 in
                    b2.withUnsafeBufferPointer { b2 in
                        a.withUnsafeMutableBufferPointer { a in
                            z.withUnsafeMutableBufferPointer { z in
                                Self.hiddenLayer(x, w1: w1, b1: b1, hidden: hidden, skip: nil, into: a)
                                for j in 0..<hidden where a[j] < 0 { a[j] = 0 }
                                Self.outputLayer(a, w2: w2, b2: b2, hidden: hidden, stride: stride, into: z)
                            }
                        }
                    }
                }
            }
        }
        z.removeLast(stride - classCount)
        return z
    }

    /// The hidden pre-activation `b1 + sum x_k w1[k]`, skipping features with `skip[k]` set.
    @inline(__always)
    private static func hiddenLayer(
        _ x: SparseVector, w1: UnsafeBufferPointer<Float>, b1: UnsafeBufferPointer<Float>, hidden: Int,
        skip: UnsafeBufferPointer<Bool>?, scale: Float = 1, into output: UnsafeMutableBufferPointer<Float>
    ) {
        let blocks = hidden / 8
        let out = UnsafeMutableRawPointer(output.baseAddress!)
        let base = UnsafeRawPointer(w1.baseAddress!)
        let biasBase = UnsafeRawPointer(b1.baseAddress!)
        VectorKernels.copy(biasBase, into: out, blocks: blocks)
        x.ids.withUnsafeBufferPointer { ids in
            x.values.withUnsafeBufferPointer { values in
                for k in 0..<ids.count {
                    if let skip, skip[k] { continue }
                    VectorKernels.addScaledRow(
                        base, rowOffset: Int(ids[k]) * hidden * 4, scale: values[k] * scale, into: out, blocks: blocks)
                }
            }
        }
    }

    /// The logits `b2 + sum h_j w2[j]` (zero hidden units skipped).
    @inline(__always)
    private static func outputLayer(
        _ h: UnsafeMutableBufferPointer<Float>, w2: UnsafeBufferPointer<Float>, b2: UnsafeBufferPointer<Float>,
        hidden: Int, stride: Int, into output: UnsafeMutableBufferPointer<Float>
    ) {
        let blocks = stride / 8
        let out = UnsafeMutableRawPointer(output.baseAddress!)
        let base = UnsafeRawPointer(w2.baseAddress!)
        let biasBase = UnsafeRawPointer(b2.baseAddress!)
        VectorKernels.copy(biasBase, into: out, blocks: blocks)
        for j in 0..<hidden where h[j] != 0 {
            VectorKernels.addScaledRow(base, rowOffset: j * stride * 4, scale: h[j], into: out, blocks: blocks)
        }
    }

    /// Trains by per-example SGD on the softmax cross-entropy.
    static func train(
        vectors: [SparseVector], labels: [Int], featureCount: Int, classCount: Int,
        hyperparameters hp: Hyperparameters
    ) -> MLPModel {
        var model = MLPModel(featureCount: featureCount, classCount: classCount, hidden: hp.hidden)
        let hidden = model.hidden, stride = model.stride
        var rng = SplitMix64(seed: hp.seed)
        func uniform() -> Float { Float(rng.next() >> 40) / Float(1 << 24) * 2 - 1 }
        // Initialisation: first layer uniform with the given scale, second layer Glorot uniform.
        for k in model.w1.indices { model.w1[k] = uniform() * hp.initScale }
        let limit2 = (6 / Float(hidden + classCount)).squareRoot()
        for j in 0..<hidden { for c in 0..<classCount { model.w2[j * stride + c] = uniform() * limit2 } }
        let keep = 1 - hp.dropout
        let inputKeep = 1 - hp.inputDropout
        var order = Array(vectors.indices)
        let totalSteps = Float(max(1, hp.epochs * vectors.count))
        var step: Float = 0
        var a = [Float](repeating: 0, count: hidden)
        var h = [Float](repeating: 0, count: hidden)
        var dh = [Float](repeating: 0, count: hidden)
        var z = [Float](repeating: 0, count: stride)
        let maxFeatures = vectors.map(\.ids.count).max() ?? 0
        var skip = [Bool](repeating: false, count: maxFeatures)
        let hBlocks = hidden / 8, cBlocks = stride / 8
        model.w1.withUnsafeMutableBufferPointer { w1 in
        model.b1.withUnsafeMutableBufferPointer { b1 in
        model.w2.withUnsafeMutableBufferPointer { w2 in
        model.b2.withUnsafeMutableBufferPointer { b2 in
        a.withUnsafeMutableBufferPointer { a in
        h.withUnsafeMutableBufferPointer { h in
        dh.withUnsafeMutableBufferPointer { dh in
        z.withUnsafeMutableBufferPointer { z in
        skip.withUnsafeMutableBufferPointer { skip in
            let w1Raw = UnsafeMutableRawPointer(w1.baseAddress!)
            let w2Raw = UnsafeMutableRawPointer(w2.baseAddress!)
            let zRaw = UnsafeMutableRawPointer(z.baseAddress!)
            let dhRaw = UnsafeMutableRawPointer(dh.baseAddress!)
            for _ in 0..<hp.epochs {
                order.shuffle(using: &rng)
                for i in order {
                    let x = vectors[i]
                    let label = labels[i]
                    let lr = hp.learningRate * max(0.0, 1 - step / totalSteps)
                    step += 1
                    let n = x.ids.count
                    if hp.inputDropout > 0 {
                        for k in 0..<n { skip[k] = Float(rng.next() >> 40) / Float(1 << 24) >= inputKeep }
                    }
                    hiddenLayer(x, w1: UnsafeBufferPointer(w1), b1: UnsafeBufferPointer(b1), hidden: hidden,
                                skip: hp.inputDropout > 0 ? UnsafeBufferPointer(skip) : nil,
                                scale: 1 / inputKeep, into: a)
                    for j in 0..<hidden {
                        if a[j] > 0 && (hp.dropout == 0 || Float(rng.next() >> 40) / Float(1 << 24) < keep) {
                            h[j] = a[j] / keep
                        } else {
                            h[j] = 0
                        }
                    }
                    outputLayer(h, w2: UnsafeBufferPointer(w2), b2: UnsafeBufferPointer(b2), hidden: hidden, stride: stride, into: z)
                    var maxLogit = -Float.infinity
                    for c in 0..<classCount where z[c] > maxLogit { maxLogit = z[c] }
                    var sum: Float = 0
                    for c in 0..<classCount { let e = expf(z[c] - maxLogit); z[c] = e; sum += e }
                    let inverse = 1 / sum
                    for c in 0..<classCount { z[c] *= inverse }
                    for c in classCount..<stride { z[c] = 0 }
                    z[label] -= 1
                    // Back-propagate to the hidden layer, then update the second layer.
                    for j in 0..<hidden {
                        guard h[j] != 0 else { dh[j] = 0; continue }
                        let row = j * stride * 4
                        var acc = SIMD8<Float>(repeating: 0)
                        for block in 0..<cBlocks {
                            let offset = block * 32
                            acc += w2Raw.loadUnaligned(fromByteOffset: row + offset, as: SIMD8<Float>.self)
                                * zRaw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                        }
                        dh[j] = acc.sum() / keep
                        let factor = SIMD8<Float>(repeating: -lr * h[j])
                        for block in 0..<cBlocks {
                            let offset = block * 32
                            let g = zRaw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                            let old = w2Raw.loadUnaligned(fromByteOffset: row + offset, as: SIMD8<Float>.self)
                            w2Raw.storeBytes(of: old + factor * g, toByteOffset: row + offset, as: SIMD8<Float>.self)
                        }
                    }
                    for c in 0..<classCount { b2[c] -= lr * z[c] }
                    for j in 0..<hidden { b1[j] -= lr * dh[j] }
                    x.ids.withUnsafeBufferPointer { ids in
                        x.values.withUnsafeBufferPointer { values in
                            for k in 0..<n {
                                if hp.inputDropout > 0 && skip[k] { continue }
                                let factor = SIMD8<Float>(repeating: -lr * values[k] / inputKeep)
                                let row = Int(ids[k]) * hidden * 4
                                for block in 0..<hBlocks {
                                    let offset = block * 32
                                    let g = dhRaw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                                    let old = w1Raw.loadUnaligned(fromByteOffset: row + offset, as: SIMD8<Float>.self)
                                    w1Raw.storeBytes(of: old + factor * g, toByteOffset: row + offset, as: SIMD8<Float>.self)
                                }
                            }
                        }
                    }
                }
            }
        }}}}}}}}}
        return model
    }
}
