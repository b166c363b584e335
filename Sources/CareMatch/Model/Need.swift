/// One need of one child: units of a category, with a priority 1 (can wait) … 5 (urgent).
public struct Need: Sendable, Hashable {
    public var id: String
    public var childID: String
    public var category: String
    public var quantity: Double
    public var priority: Int
    public var line: Int

    public init(id: String, childID: String, category: String, quantity: Double, priority: Int = 3,
                line: Int = 0) {
        self.id = id; self.childID = childID; self.category = category; self.quantity = quantity
        self.priority = priority; self.line = line
    }
}
