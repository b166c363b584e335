import GLPK

/// The restricted pairing model as a GLPK linear program, kept across pricing rounds.
///
/// Rows: one per mom (`Σ_c x(m,c) ≤ capacity`) and one per child (`Σ_m x(m,c) − y_lead − y_sup = 0`).
/// Columns: one per candidate pair `x(m,c) ∈ [0,1]` with value v(m,c), then per child `y_lead ∈ [0,1]`
/// with `w·lead_reward` and `y_sup ∈ [0,N]` with `w·support_reward`. The matrix is a network
/// matrix, so every basic solution is integral. Rows and columns are added as pricing brings
/// in pairs of moms and children the model did not have; GLPK keeps the basis between solves.
final class PairingLP {
    let problem: Problem
    let inst: PairingInstance
    /// LP row of each mom, or -1.
    private(set) var momRow: [Int32]
    /// LP row of each child, or -1; its `y_lead` and `y_sup` columns.
    private(set) var childRow: [Int32]
    private(set) var leadColumn: [Int32]
    private(set) var supportColumn: [Int32]
    /// LP column of each pair column (index into `PairColumns`).
    private(set) var pairColumn: [Int32] = []
    private var matrix = SparseMatrix()
    private(set) var rowMom: [Int32] = []
    private(set) var rowChild: [Int32] = []

    init(_ inst: PairingInstance) {
        self.inst = inst
        problem = Problem(name: "pairing", direction: .maximize)
        momRow = [Int32](repeating: -1, count: inst.momCount)
        childRow = [Int32](repeating: -1, count: inst.childCount)
        leadColumn = [Int32](repeating: -1, count: inst.childCount)
        supportColumn = [Int32](repeating: -1, count: inst.childCount)
    }

    /// Adds the pairs `cols[from...]`, with any rows and slot columns they need, and reloads
    /// the matrix. New columns start non-basic at zero; new rows start basic.
    func addPairs(_ cols: PairColumns, from first: Int) throws {
        guard first < cols.count else { return }
        var newMoms: [Int] = [], newChildren: [Int] = []
        for j in first..<cols.count {
            let m = Int(cols.mom[j]), c = Int(cols.child[j])
            if momRow[m] == -1 { momRow[m] = -2; newMoms.append(m) }
            if childRow[c] == -1 { childRow[c] = -2; newChildren.append(c) }
        }
        if !newMoms.isEmpty || !newChildren.isEmpty {
            let rows = try problem.addRows(newMoms.count + newChildren.count)
            var r = rows.lowerBound
            for m in newMoms {
                momRow[m] = Int32(r); rowMom.append(Int32(m)); rowChild.append(-1)
                try problem.setRowBounds(r, .upper(Double(inst.momCapacity[m])))
                r += 1
            }
            for c in newChildren {
                childRow[c] = Int32(r); rowMom.append(-1); rowChild.append(Int32(c))
                try problem.setRowBounds(r, .fixed(0))
                r += 1
            }
            var k = newChildren.isEmpty ? 0 : try problem.addColumns(2 * newChildren.count).lowerBound
            for c in newChildren {
                let row = Int(childRow[c])
                leadColumn[c] = Int32(k)
                try problem.setColumnBounds(k, .range(0, 1))
                try problem.setObjectiveCoefficient(k, Double(inst.leadReward(c)))
                matrix.append(row: row, column: k, value: -1)
                supportColumn[c] = Int32(k + 1)
                let n = Double(inst.childSlots[c] - 1)
                try problem.setColumnBounds(k + 1, n > 0 ? .range(0, n) : .fixed(0))
                try problem.setObjectiveCoefficient(k + 1, Double(inst.supportReward(c)))
                matrix.append(row: row, column: k + 1, value: -1)
                k += 2
            }
        }
        let pairCols = try problem.addColumns(cols.count - first)
        var k = pairCols.lowerBound
        for j in first..<cols.count {
            pairColumn.append(Int32(k))
            try problem.setColumnBounds(k, .range(0, 1))
            try problem.setObjectiveCoefficient(k, Double(cols.value[j]))
            matrix.append(row: Int(momRow[Int(cols.mom[j])]), column: k, value: 1)
            matrix.append(row: Int(childRow[Int(cols.child[j])]), column: k, value: 1)
            k += 1
        }
        try problem.loadMatrix(matrix)
    }

    /// Sets a primal-feasible starting basis from a feasible pairing: chosen pairs non-basic at
    /// 1, others at 0; every mom row's slack basic; in each child row the slack is basic unless
    /// the child has supporting moms strictly between 0 and N, then `y_sup` is basic. The basis
    /// matrix is diagonal, so it is never singular.
    func setStartingBasis(chosen: [Bool], _ cols: PairColumns) throws {
        var count = [Int32](repeating: 0, count: inst.childCount)
        for j in 0..<cols.count where chosen[j] {
            try problem.setColumnStatus(Int(pairColumn[j]), .upperBound)
            count[Int(cols.child[j])] += 1
        }
        for j in 0..<cols.count where !chosen[j] { try problem.setColumnStatus(Int(pairColumn[j]), .lowerBound) }
        for r in 0..<problem.rowCount { try problem.setRowStatus(r, .basic) }
        for c in 0..<inst.childCount where childRow[c] >= 0 {
            let k = Int(count[c]), n = Int(inst.childSlots[c]) - 1
            try problem.setColumnStatus(Int(leadColumn[c]), k >= 1 ? .upperBound : .lowerBound)
            let sup = Int(supportColumn[c])
            if n == 0 {
                try problem.setColumnStatus(sup, .fixed)
            } else if k <= 1 {
                try problem.setColumnStatus(sup, .lowerBound)
            } else if k - 1 >= n {
                try problem.setColumnStatus(sup, .upperBound)
            } else {
                try problem.setColumnStatus(sup, .basic)
                try problem.setRowStatus(Int(childRow[c]), .fixed)
            }
        }
    }
}
