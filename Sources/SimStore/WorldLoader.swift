import Foundation
import GRDB
import SimCore

/// Reads a world kept as rows (format 3) back into a state; every value is checked, so a damaged
/// or hostile database is refused with ``StoreError``, never misread.
struct WorldLoader {
    private let decoder = JSONDecoder()

    /// The world in `db`; nil when it holds none. A real clock is read on to `wallMilliseconds`.
    func load(from db: Database, resumingAt wallMilliseconds: Int64) throws -> WorldState? {
        guard let clock = try Row.fetchOne(db, sql: "SELECT now_ms, wall_ms, mode, scale, next_tenant_serial, next_work_sequence FROM clock")
        else { return nil }
        guard let mode = ClockMode(rawValue: clock[2] ?? ""), let scale: Double = clock[3], let nowMilliseconds: Int64 = clock[0],
            let serial: Int64 = clock[4], let sequence: Int64 = clock[5]
        else { throw StoreError(message: "the stored clock is damaged") }
        var now = Timestamp(millisecondsSinceEpoch: nowMilliseconds)
        if mode == .real, let savedWall: Int64 = clock[1] {
            // A real clock went on while the process was down: read it as a running clock would.
            now = SimClock(start: now, mode: .real, scale: scale, wallMilliseconds: savedWall).now(wallMilliseconds: wallMilliseconds)
        }
        let scheduled = try Row.fetchAll(db, sql: ScheduledWorkRow.selectSQL).map(ScheduledWorkRow.entry(from:))
        let header: WorldStateHeader
        do {
            header = try WorldStateHeader(
                now: now, clockMode: mode, clockScale: scale, pending: scheduled, nextWorkSequence: UInt64(bitPattern: sequence),
                nextTenantSerial: UInt64(bitPattern: serial))
        } catch {
            throw StoreError(message: "the stored clock is out of range: \(error.message)")
        }
        var sims: [String: [SIM]] = [:]
        var extras: [(enterprise: String, index: Int, data: Data)] = []
        let cursor = try Row.fetchCursor(db, sql: SIMRow.selectSQL)
        while let row = try cursor.next() {
            let (enterprise, sim, data) = try SIMRow.sim(from: row)
            if let data { extras.append((enterprise, sims[enterprise]?.count ?? 0, data)) }
            sims[enterprise, default: []].append(sim)
        }
        for (place, value) in zip(extras, try decodeAll(SIMRow.Extras.self, extras.map(\.data))) {
            SIMRow.apply(value, to: &sims[place.enterprise]![place.index])
        }
        var logs: [String: [ChangeLogEntry]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT enterprise, giccid, type, before, after, time_ms, source FROM change_log ORDER BY enterprise, position")
        {
            guard let type = ChangeType(rawValue: row[2] ?? ""), let source = ChangeSource(rawValue: row[6] ?? "") else {
                throw StoreError(message: "a stored change-log entry has an unknown type or source")
            }
            logs[row[0], default: []].append(
                ChangeLogEntry(
                    giccid: row[1], type: type, before: row[3], after: row[4], time: Timestamp(millisecondsSinceEpoch: row[5]), source: source))
        }
        let deliveries = try documents(Delivery.self, sql: "SELECT enterprise, document FROM delivery ORDER BY enterprise, position", db)
        let jobs = try documents(BatchJob.self, sql: "SELECT enterprise, document FROM batch_job ORDER BY enterprise, job_id", db)
        let sms = try documents(MTSMS.self, sql: "SELECT enterprise, document FROM mt_sms ORDER BY enterprise, sms_id", db)
        var ownPending: [String: [ScheduledEntry]] = [:]
        for row in try Row.fetchAll(db, sql: ScheduledWorkRow.ownSelectSQL) {
            let entry = try ScheduledWorkRow.entry(from: row)
            guard case .tenant(_, let enterprise, _) = entry.work else { continue }
            ownPending[enterprise, default: []].append(entry)
        }
        let coreDecoder = JSONDecoder()
        coreDecoder.userInfo[EnterpriseState.coreDecodingKey] = true
        do {
            let enterprises = try Row.fetchAll(db, sql: "SELECT name, document, clock_wall_ms FROM enterprise_core ORDER BY name").map { row in
                let name: String = row[0]
                // A real own clock went on while the process was down, as the world clock did.
                let core = try coreDecoder.decode(EnterpriseState.self, from: row[1] as Data).readingOwnClockOn(
                    from: row[2] as Int64?, to: wallMilliseconds)
                return try EnterpriseState(
                    core: core, sims: sims[name] ?? [], changeLog: logs[name] ?? [], deliveries: deliveries[name] ?? [],
                    batchJobs: jobs[name] ?? [], sms: sms[name] ?? [], ownPending: ownPending[name] ?? [])
            }
            return try WorldState(header: header, enterprises: enterprises)
        } catch let error as WorldStateError {
            throw StoreError(message: "the stored world is inconsistent: \(error.message)")
        }
    }

    /// The JSON documents `documents`, decoded as one array (one decoding for all of them).
    private func decodeAll<Value: Decodable>(_ type: Value.Type, _ documents: [Data]) throws -> [Value] {
        guard !documents.isEmpty else { return [] }
        var array = Data("[".utf8)
        array.reserveCapacity(documents.reduce(2) { $0 + $1.count + 1 })
        for (index, document) in documents.enumerated() {
            if index > 0 { array.append(UInt8(ascii: ",")) }
            array.append(document)
        }
        array.append(UInt8(ascii: "]"))
        let values = try decoder.decode([Value].self, from: array)
        guard values.count == documents.count else { throw StoreError(message: "a stored JSON column holds more than one value") }
        return values
    }

    /// The JSON documents of a table, by enterprise, in the query's order.
    private func documents<Value: Decodable>(_ type: Value.Type, sql: String, _ db: Database) throws -> [String: [Value]] {
        var result: [String: [Value]] = [:]
        for row in try Row.fetchAll(db, sql: sql) { result[row[0], default: []].append(try decoder.decode(Value.self, from: row[1] as Data)) }
        return result
    }
}
