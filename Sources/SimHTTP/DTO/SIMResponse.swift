import SimCore

/// The wire form of a SIM (smarthub-api.md §2): every key present, `null` where unset.
struct SIMResponse: Encodable, Sendable {
    let sim: SIM

    init(_ sim: SIM) { self.sim = sim }

    private enum Key: String, CodingKey {
        case giccid, iccid, imsi, msisdn, imei, eid, status, accountName, simSku, basicServicePackageName, basicServicePackageOrder
        case supplementaryServicePackages, sharePoolName, apnName, apnStatus, activatedTime, createdTime
        case lastStatusChangeTime, currentCycleName, cycleDataUsageBytes, cycleSmsCount, lastSessionTime, lastCountryCode
        case custom1, custom2, custom3, custom4, custom5
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(sim.giccid, forKey: .giccid)
        try container.encode(sim.iccid, forKey: .iccid)
        try container.encode(sim.imsi, forKey: .imsi)
        try container.encode(sim.msisdn, forKey: .msisdn)
        try container.encode(sim.imei, forKey: .imei)
        try container.encode(sim.eid, forKey: .eid)
        try container.encode(sim.status.rawValue, forKey: .status)
        try container.encode(sim.accountName, forKey: .accountName)
        try container.encode(sim.simSku, forKey: .simSku)
        try container.encode(sim.basicServicePackageName, forKey: .basicServicePackageName)
        try container.encode(sim.basicPackageOrder.map(PackageOrderResponse.init), forKey: .basicServicePackageOrder)
        try container.encode(sim.supplementaryOrders.map(PackageOrderResponse.init), forKey: .supplementaryServicePackages)
        try container.encode(sim.sharePoolName, forKey: .sharePoolName)
        try container.encode(sim.apnName, forKey: .apnName)
        try container.encode(sim.apnStatus.rawValue, forKey: .apnStatus)
        try container.encode(sim.activatedTime?.smarthubString, forKey: .activatedTime)
        try container.encode(sim.createdTime.smarthubString, forKey: .createdTime)
        try container.encode(sim.lastStatusChangeTime.smarthubString, forKey: .lastStatusChangeTime)
        try container.encode(sim.usageCycleName, forKey: .currentCycleName)
        try container.encode(sim.cycleDataUsageBytes, forKey: .cycleDataUsageBytes)
        try container.encode(sim.cycleSmsCount, forKey: .cycleSmsCount)
        try container.encode(sim.lastSessionTime?.smarthubString, forKey: .lastSessionTime)
        try container.encode(sim.lastCountryCode, forKey: .lastCountryCode)
        try CustomFieldsResponse(sim.customFields).encode(to: encoder)
    }
}

/// The wire form of an order on a SIM: a supplementary plan order, or a prepaid basic plan's term.
struct PackageOrderResponse: Encodable, Sendable {
    let order: PackageOrder

    init(_ order: PackageOrder) { self.order = order }

    private enum Key: String, CodingKey {
        case name, orderId, startTime, expireTime, usedBytes, quotaBytes, status
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(order.servicePackageName, forKey: .name)
        try container.encode(order.orderId, forKey: .orderId)
        try container.encode(order.startTime.smarthubString, forKey: .startTime)
        try container.encode(order.expireTime?.smarthubString, forKey: .expireTime)
        try container.encode(order.usedBytes, forKey: .usedBytes)
        try container.encode(order.quotaBytes, forKey: .quotaBytes)
        try container.encode(order.status.rawValue, forKey: .status)
    }
}

extension SIMResponse: JSONWritable {
    /// The same bytes as the `Encodable` form, keys in sorted order.
    func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.field("accountName") { $0.string(sim.accountName) }
            writer.field("activatedTime") { $0.time(sim.activatedTime) }
            writer.field("apnName") { $0.string(sim.apnName) }
            writer.field("apnStatus") { $0.string(sim.apnStatus.rawValue) }
            writer.field("basicServicePackageName") { $0.string(sim.basicServicePackageName) }
            writer.field("basicServicePackageOrder") { writer in
                if let order = sim.basicPackageOrder { PackageOrderResponse(order).write(to: &writer) } else { writer.null() }
            }
            writer.field("createdTime") { $0.time(sim.createdTime) }
            writer.field("currentCycleName") { $0.string(sim.usageCycleName) }
            writer.field("custom1") { $0.string(sim.customFields[0]) }
            writer.field("custom2") { $0.string(sim.customFields[1]) }
            writer.field("custom3") { $0.string(sim.customFields[2]) }
            writer.field("custom4") { $0.string(sim.customFields[3]) }
            writer.field("custom5") { $0.string(sim.customFields[4]) }
            writer.field("cycleDataUsageBytes") { $0.integer(sim.cycleDataUsageBytes) }
            writer.field("cycleSmsCount") { $0.integer(sim.cycleSmsCount) }
            writer.field("eid") { $0.string(sim.eid) }
            writer.field("giccid") { $0.string(sim.giccid) }
            writer.field("iccid") { $0.string(sim.iccid) }
            writer.field("imei") { $0.string(sim.imei) }
            writer.field("imsi") { $0.string(sim.imsi) }
            writer.field("lastCountryCode") { $0.string(sim.lastCountryCode) }
            writer.field("lastSessionTime") { $0.time(sim.lastSessionTime) }
            writer.field("lastStatusChangeTime") { $0.time(sim.lastStatusChangeTime) }
            writer.field("msisdn") { $0.string(sim.msisdn) }
            writer.field("sharePoolName") { $0.string(sim.sharePoolName) }
            writer.field("simSku") { $0.string(sim.simSku) }
            writer.field("status") { $0.string(sim.status.rawValue) }
            writer.field("supplementaryServicePackages") { writer in
                writer.array(sim.supplementaryOrders) { writer, order in PackageOrderResponse(order).write(to: &writer) }
            }
        }
    }
}

extension PackageOrderResponse: JSONWritable {
    /// The same bytes as the `Encodable` form, keys in sorted order.
    func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.field("expireTime") { $0.time(order.expireTime) }
            writer.field("name") { $0.string(order.servicePackageName) }
            writer.field("orderId") { $0.string(order.orderId) }
            writer.field("quotaBytes") { $0.integer(order.quotaBytes) }
            writer.field("startTime") { $0.time(order.startTime) }
            writer.field("status") { $0.string(order.status.rawValue) }
            writer.field("usedBytes") { $0.integer(order.usedBytes) }
        }
    }
}
