/// A multinomial logistic regression over sparse features, stored feature-major
/// (`weights[feature * stride + class]`) so scoring is one contiguous multiply-add per feature.
struct LinearModel: Sendable {
    let classCount: Int
    /// Row length: the class count rounded up to a multiple of 8.
    let stride: Int
    let featureCount: Int
    private(set) var weights: [Float]
    private(set) var bias: [Float]

    struct Hyperparameters: Sendable, Hashable {
        var regularization: Float
        var epochs: Int
        var learningRate: Float
        var seed: UInt64
    }

    init(featureCount: Int, classCount: Int) {
        self.classCount = classCount
        self.stride = (classCount + 7) / 8 * 8
        self.featureCount = featureCount
        self.weights = [Float](repeating: 0, count: featureCount * ((classCount + 7) / 8 * 8))
        self.bias = [Float](repeating: 0, count: (classCount + 7) / 8 * 8)
    }

    /// Restores a model written by ``write(to:)``.
    init(reading r: inout ByteReader) throws(ModelArchiveError) {
        classCount = try r.int()
        featureCount = try r.int()
        stride = (classCount + 7) / 8 * 8
        weights = try r.floats()
        bias = try r.floats()
        guard weights.count == featureCount * stride, bias.count == stride else { throw .unreadable(reason: "bad linear model") }
    }

    /// Writes the model for ``init(reading:)``.
    func write(to w: inout ByteWriter) {
        w.append(classCount)
        w.append(featureCount)
        w.append(weights)
        w.append(bias)
    }

    /// Raw scores (logits) of every class, written to `output` (at least `stride` long).
    func scores(_ x: SparseVector, into output: UnsafeMutableBufferPointer<Float>) {
        weights.withUnsafeBufferPointer { w in
            bias.withUnsafeBufferPointer { b in
                Self.accumulate(x, weights: w, bias: b, stride: stride, scale: 1, into: output)
            }
        }
    }

    /// Raw scores of every class.
    func scores(_ x: SparseVector) -> [Float] {
        var output = [Float](repeating: 0, count: stride)
        output.withUnsafeMutableBufferPointer { scores(x, into: $0) }
        output.removeLast(stride - classCount)
        return output
    }

    /// The weight of one feature for one class.
    func weight(feature: Int, class classIndex: Int) -> Float {
        weights[feature * stride + classIndex]
    }

    @inline(__always)
    private static func accumulate(
        _ x: SparseVector, weights: UnsafeBufferPointer<Float>, bias: UnsafeBufferPointer<Float>,
        stride: Int, scale: Float, into output: UnsafeMutableBufferPointer<Float>
    ) {
        let blocks = stride / 8
        let out = UnsafeMutableRawPointer(output.baseAddress!)
        let base = UnsafeRawPointer(weights.baseAddress!)
        let biasBase = UnsafeRawPointer(bias.baseAddress!)
        VectorKernels.copy(biasBase, into: out, blocks: blocks)
        x.ids.withUnsafeBufferPointer { ids in
            x.values.withUnsafeBufferPointer { values in
                for k in 0..<ids.count {
                    VectorKernels.addScaledRow(
                        base, rowOffset: Int(ids[k]) * stride * 4, scale: values[k] * scale, into: out, blocks: blocks)
                }
            }
        }
    }

    /// Trains by stochastic gradient descent on the softmax cross-entropy with L2 regularisation.
    static func train(
        vectors: [SparseVector], labels: [Int], featureCount: Int, classCount: Int,
        hyperparameters: Hyperparameters
    ) -> LinearModel {
        var model = LinearModel(featureCount: featureCount, classCount: classCount)
        let stride = model.stride
        let blocks = stride / 8
        let lambda = hyperparameters.regularization
        let eta0 = hyperparameters.learningRate
        var rng = SplitMix64(seed: hyperparameters.seed)
        var order = Array(vectors.indices)
        var scale: Float = 1  // weights = scale * stored
        var t: Float = 0
        var logits = [Float](repeating: 0, count: stride)
        var mask = [Float](repeating: 0, count: stride)
        for c in 0..<classCount { mask[c] = 1 }
        model.weights.withUnsafeMutableBufferPointer { w in
            model.bias.withUnsafeMutableBufferPointer { b in
                logits.withUnsafeMutableBufferPointer { z in
                    let zRaw = UnsafeMutableRawPointer(z.baseAddress!)
                    let wRaw = UnsafeMutableRawPointer(w.baseAddress!)
                    for _ in 0..<hyperparameters.epochs {
                        order.shuffle(using: &rng)
                        for i in order {
                            let x = vectors[i]
                            let label = labels[i]
                            let eta = eta0 / (1 + eta0 * lambda * t)
                            t += 1
                            accumulate(x, weights: UnsafeBufferPointer(w), bias: UnsafeBufferPointer(b), stride: stride, scale: scale, into: z)
                            // softmax gradient: p - y
                            var maxLogit = -Float.infinity
                            for c in 0..<classCount where z[c] > maxLogit { maxLogit = z[c] }
                            var sum: Float = 0
                            for c in 0..<classCount {
                                let e = expf(z[c] - maxLogit)
                                z[c] = e
                                sum += e
                            }
                            let inverse = 1 / sum
                            for c in 0..<classCount { z[c] *= inverse }
                            for c in classCount..<stride { z[c] = 0 }
                            z[label] -= 1
                            // L2 shrink through the scale, then the sparse gradient step.
                            scale *= (1 - eta * lambda)
                            let step = eta / scale
                            x.ids.withUnsafeBufferPointer { ids in
                                x.values.withUnsafeBufferPointer { values in
                                    for k in 0..<ids.count {
                                        let factor = SIMD8<Float>(repeating: -step * values[k])
                                        let row = Int(ids[k]) * stride * 4
                                        for block in 0..<blocks {
                                            let offset = block * 32
                                            let g = zRaw.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                                            let old = wRaw.loadUnaligned(fromByteOffset: row + offset, as: SIMD8<Float>.self)
                                            wRaw.storeBytes(of: old + factor * g, toByteOffset: row + offset, as: SIMD8<Float>.self)
                                        }
                                    }
                                }
                            }
                            for c in 0..<classCount { b[c] -= eta * 0.1 * z[c] }
                            if scale < 1e-4 {
                                for k in 0..<w.count { w[k] *= scale }
                                scale = 1
                            }
                        }
                    }
                    if scale != 1 {
                        for k in 0..<w.count { w[k] *= scale }
                    }
                }
            }
        }
        return model
    }
}

import Foundation
