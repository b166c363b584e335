extension UnsafeMutableBufferPointer {
    /// A new buffer of `count` elements, each `value`, for a class that keeps flat per-node state
    /// without an array's dynamic exclusivity check at every access; its owner deallocates it.
    static func filled(_ value: Element, count: Int) -> Self {
        let b = allocate(capacity: count)
        b.initialize(repeating: value)
        return b
    }
}
