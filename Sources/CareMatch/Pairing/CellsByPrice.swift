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

extension CellsByPrice {
    /// Per block of `grid`'s cells (`SpatialGrid.block(ofCell:)`): the lowest price of its
    /// points (`.max` when it has none) and the union of their tag masks, so that a walk by
    /// rings of blocks can skip a whole block.
    func blocks(_ grid: SpatialGrid, price: (Int) -> Int64) -> (cheapest: [Int64], masks: [UInt64]) {
        var cheapest = [Int64](repeating: .max, count: grid.blockCount)
        var masks = [UInt64](repeating: 0, count: grid.blockCount)
        for cell in 0..<grid.cellCount where first[cell] < first[cell + 1] {
            let b = grid.block(ofCell: cell)
            cheapest[b] = min(cheapest[b], price(Int(order[Int(first[cell])])))
            masks[b] |= self.masks[cell]
        }
        return (cheapest, masks)
    }
}
