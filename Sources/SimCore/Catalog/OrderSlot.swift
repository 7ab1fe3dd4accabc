/// Where an order sits on a SIM: its basic plan's term, or one of its supplementary orders.
enum OrderSlot: Equatable, Sendable {
    /// `SIM.basicPackageOrder`.
    case basic
    /// `SIM.supplementaryOrders[index]`.
    case supplementary(index: Int)

    /// The slot of the order `orderId` on `sim`; nil when the SIM no longer holds it.
    static func of(_ orderId: String, on sim: SIM) -> OrderSlot? {
        if sim.basicPackageOrder?.orderId == orderId { return .basic }
        return sim.supplementaryOrders.firstIndex { $0.orderId == orderId }.map { .supplementary(index: $0) }
    }

    /// The order that data of `sim` counts toward: its first ACTIVE supplementary order, else its
    /// basic plan's ACTIVE term; nil when neither.
    static func inUse(on sim: SIM) -> OrderSlot? {
        if let index = sim.supplementaryOrders.firstIndex(where: { $0.status == .active }) { return .supplementary(index: index) }
        return sim.basicPackageOrder?.status == .active ? .basic : nil
    }
}

extension SIM {
    /// The order in `slot`.
    subscript(slot: OrderSlot) -> PackageOrder {
        get {
            switch slot {
            case .basic: basicPackageOrder!
            case .supplementary(let index): supplementaryOrders[index]
            }
        }
        set {
            switch slot {
            case .basic: basicPackageOrder = newValue
            case .supplementary(let index): supplementaryOrders[index] = newValue
            }
        }
    }
}
