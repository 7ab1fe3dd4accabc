import Foundation
import GRDB
import SimCore

/// A row of table `sim`: one SIM in columns of its own (format 3), written and read by name, never
/// through the in-memory type's `Codable`. The rarely used parts (orders, custom fields, pushed
/// thresholds) share one JSON column, NULL when all are empty, so most rows read without JSON.
enum SIMRow {
    /// The statement writing one SIM (inserted or replaced).
    static let upsertSQL = """
        INSERT OR REPLACE INTO sim (enterprise, iccid, imsi, msisdn, imei, eid, status, account, sku, basic_package, share_pool,
            apn_name, apn_status, activated_ms, created_ms, status_changed_ms, usage_cycle, cycle_data_bytes, cycle_sms, test_data_bytes,
            last_session_ms, last_country, extras, term_order_id, term_package, term_start_ms, term_expire_ms, term_used_bytes,
            term_quota_bytes, term_status, term_thresholds)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The columns read by ``sim(from:)``, in its order.
    static let selectSQL = """
        SELECT enterprise, iccid, imsi, msisdn, imei, eid, status, account, sku, basic_package, share_pool, apn_name, apn_status,
            activated_ms, created_ms, status_changed_ms, usage_cycle, cycle_data_bytes, cycle_sms, test_data_bytes, last_session_ms,
            last_country, extras, term_order_id, term_package, term_start_ms, term_expire_ms, term_used_bytes, term_quota_bytes,
            term_status, term_thresholds
        FROM sim ORDER BY enterprise, iccid
        """

    /// The parts of a SIM kept in the `extras` column (the current prepaid term has columns of its own).
    struct Extras: Codable {
        var supplementaryOrders: [PackageOrder]?
        var cycleThresholdsPushed: [Int]?
        var customFields: CustomFields?
    }

    /// The arguments of ``upsertSQL`` for `sim` of `enterprise`.
    static func arguments(for sim: SIM, enterprise: String, encoder: JSONEncoder) throws -> StatementArguments {
        let extras = Extras(
            supplementaryOrders: sim.supplementaryOrders.isEmpty ? nil : sim.supplementaryOrders,
            cycleThresholdsPushed: sim.cycleThresholdsPushed.isEmpty ? nil : sim.cycleThresholdsPushed,
            customFields: sim.customFields == CustomFields() ? nil : sim.customFields)
        let hasExtras = extras.supplementaryOrders != nil || extras.cycleThresholdsPushed != nil || extras.customFields != nil
        let term = sim.basicPackageOrder
        let values: [(any DatabaseValueConvertible)?] = [
            enterprise, sim.iccid, sim.imsi, sim.msisdn, sim.imei, sim.eid, sim.status.rawValue, sim.accountName, sim.simSku,
            sim.basicServicePackageName, sim.sharePoolName, sim.apnName, sim.apnStatus.rawValue, sim.activatedTime?.millisecondsSinceEpoch,
            sim.createdTime.millisecondsSinceEpoch, sim.lastStatusChangeTime.millisecondsSinceEpoch, sim.usageCycleName,
            sim.cycleDataUsageBytes, Int64(sim.cycleSmsCount), sim.testDataUsedBytes, sim.lastSessionTime?.millisecondsSinceEpoch,
            sim.lastCountryCode, hasExtras ? try encoder.encode(extras) : nil, term?.orderId, term?.servicePackageName,
            term?.startTime.millisecondsSinceEpoch, term?.expireTime?.millisecondsSinceEpoch, term?.usedBytes, term?.quotaBytes,
            term?.status.rawValue,
            term.map { $0.thresholdsPushed.map(String.init).joined(separator: ",") },
        ]
        return StatementArguments(values)
    }

    /// The SIM of a row of ``selectSQL``, with its enterprise's name and its `extras` column (to
    /// be applied with ``apply(_:to:)``; a loader decodes them all at once, which is much faster
    /// than one decoding per row).
    static func sim(from row: Row) throws -> (enterprise: String, sim: SIM, extras: Data?) {
        func text(_ index: Int) throws -> String {
            guard let value: String = row[index] else { throw StoreError(message: "a SIM row lacks column \(index)") }
            return value
        }
        func time(_ index: Int) -> Timestamp? { (row[index] as Int64?).map { Timestamp(millisecondsSinceEpoch: $0) } }
        let iccid = try text(1)
        guard let status = SIMStatus(rawValue: try text(6)), let apnStatus = APNStatus(rawValue: try text(12)), let created = time(14),
            let changed = time(15)
        else { throw StoreError(message: "SIM \(iccid) has a status, APN status or time out of range") }
        var sim = SIM(
            iccid: iccid, imsi: try text(2), msisdn: try text(3), imei: row[4], eid: row[5], status: status, accountName: try text(7),
            simSku: row[8], basicServicePackageName: row[9], sharePoolName: row[10], apnName: try text(11), apnStatus: apnStatus,
            activatedTime: time(13), createdTime: created, lastStatusChangeTime: changed)
        sim.usageCycleName = try text(16)
        sim.cycleDataUsageBytes = row[17] ?? 0
        sim.cycleSmsCount = Int(clamping: row[18] as Int64? ?? 0)
        sim.testDataUsedBytes = row[19] ?? 0
        sim.lastSessionTime = time(20)
        sim.lastCountryCode = row[21]
        if let orderId: String = row[23] {
            guard let package: String = row[24], let start = time(25), let status = PackageOrder.Status(rawValue: row[29] ?? ""),
                let thresholds: String = row[30]
            else { throw StoreError(message: "SIM \(iccid) has a damaged prepaid term") }
            var order = PackageOrder(
                orderId: orderId, servicePackageName: package, startTime: start, expireTime: time(26), usedBytes: row[27] ?? 0,
                quotaBytes: row[28], status: status)
            order.thresholdsPushed = try thresholds.split(separator: ",").map { part in
                guard let value = Int(part) else { throw StoreError(message: "SIM \(iccid) has a damaged prepaid term") }
                return value
            }
            sim.basicPackageOrder = order
        }
        return (try text(0), sim, row[22])
    }

    /// Puts the parts kept in the `extras` column into `sim`.
    static func apply(_ extras: Extras, to sim: inout SIM) {
        sim.supplementaryOrders = extras.supplementaryOrders ?? []
        sim.cycleThresholdsPushed = extras.cycleThresholdsPushed ?? []
        sim.customFields = extras.customFields ?? CustomFields()
    }
}
