/// A grid's points regrouped for pricing: per cell, the points by increasing price (ties by
/// point), and the union of their tag masks. A cell's scan can stop at the first point whose
/// price leaves no positive reduced cost.
struct CellsByPrice {
    /// Points of cell c: `order[first[c]..<first[c + 1]]`.
    let order: [Int32]
    let first: [Int32]
    let masks: [UInt64]

    init(_ grid: SpatialGrid, price: (Int) -> Int64, mask: (Int) -> UInt64, include: (Int) -> Bool = { _ in true }) {
        var order: [Int32] = []
        order.reserveCapacity(grid.points.count)
        var first = [Int32](repeating: 0, count: grid.cellCount + 1)
        var masks = [UInt64](repeating: 0, count: grid.cellCount)
        var keyed: [(Int64, Int32)] = []
        for cell in 0..<grid.cellCount {
            first[cell] = Int32(order.count)
            keyed.removeAll(keepingCapacity: true)
            for k in grid.pointRange(ofCell: cell) {
                let point = grid.point(at: k)
                guard include(point) else { continue }
                keyed.append((price(point), Int32(point)))
                masks[cell] |= mask(point)
            }
            keyed.sort { $0 < $1 }
            for (_, point) in keyed { order.append(point) }
        }
        first[grid.cellCount] = Int32(order.count)
        (self.order, self.first, self.masks) = (order, first, masks)
    }
}
