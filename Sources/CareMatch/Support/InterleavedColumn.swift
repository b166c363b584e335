/// One field of a per-node record whose fields are interleaved in one buffer (`fields` words per
/// node), read and written like a buffer of its own: a search that reads several fields of a
/// node at random then misses the cache once, not once per field.
struct InterleavedColumn {
    private let base: UnsafeMutablePointer<Int64>
    private let stride: Int
    /// Number of nodes.
    let count: Int

    /// Field `field` of the records in `storage`, `fields` words each.
    init(_ storage: UnsafeMutableBufferPointer<Int64>, field: Int, of fields: Int) {
        precondition(field >= 0 && field < fields && storage.count % fields == 0)
        base = storage.baseAddress! + field
        stride = fields
        count = storage.count / fields
    }

    @inline(__always) subscript(i: Int) -> Int64 {
        get { base[i &* stride] }
        nonmutating set { base[i &* stride] = newValue }
    }
}
