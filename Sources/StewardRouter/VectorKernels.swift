/// The SIMD loops the linear model and the perceptron share: rows of 8-float blocks.
enum VectorKernels {
    /// Copies `blocks` 8-float blocks from `source` into `out`.
    @inline(__always)
    static func copy(_ source: UnsafeRawPointer, into out: UnsafeMutableRawPointer, blocks: Int) {
        for block in 0..<blocks {
            out.storeBytes(
                of: source.loadUnaligned(fromByteOffset: block * 32, as: SIMD8<Float>.self), toByteOffset: block * 32,
                as: SIMD8<Float>.self)
        }
    }

    /// `out += scale * row`, where the row starts `rowOffset` bytes into `base` and has `blocks` 8-float blocks.
    @inline(__always)
    static func addScaledRow(
        _ base: UnsafeRawPointer, rowOffset: Int, scale: Float, into out: UnsafeMutableRawPointer, blocks: Int
    ) {
        let value = SIMD8<Float>(repeating: scale)
        for block in 0..<blocks {
            let offset = block * 32
            let w = base.loadUnaligned(fromByteOffset: rowOffset + offset, as: SIMD8<Float>.self)
            let o = out.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            out.storeBytes(of: o + value * w, toByteOffset: offset, as: SIMD8<Float>.self)
        }
    }
}
