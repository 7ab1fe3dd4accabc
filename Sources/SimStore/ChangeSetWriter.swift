import Foundation
import GRDB
import SimCore

/// Writes change sets as rows (format 3), inside a transaction its caller opens: a set touches
/// the rows of what changed, so its cost follows the change, not the world.
struct ChangeSetWriter {
    private let encoder: JSONEncoder

    /// A writer encoding the JSON parts with sorted keys.
    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
    }

    /// The tables holding rows of an enterprise.
    private static let enterpriseTables = [
        "enterprise_core": "name", "sim": "enterprise", "change_log": "enterprise", "delivery": "enterprise",
        "batch_job": "enterprise", "mt_sms": "enterprise", "own_scheduled_work": "enterprise",
    ]

    /// Applies `changes` to `db`.
    func apply(_ changes: WorldChangeSet, to db: Database) throws {
        if changes.replacesEverything {
            for table in Self.enterpriseTables.keys.sorted() + ["scheduled_work"] { try db.execute(sql: "DELETE FROM \(table)") }
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO clock (id, now_ms, wall_ms, mode, scale, next_tenant_serial, next_work_sequence)
                VALUES (1, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                changes.now.millisecondsSinceEpoch, changes.wallMilliseconds, changes.clockMode.rawValue, changes.clockScale,
                Int64(bitPattern: changes.nextTenantSerial), Int64(bitPattern: changes.nextWorkSequence),
            ])
        let schedule = try db.cachedStatement(sql: ScheduledWorkRow.upsertSQL)
        for entry in changes.scheduled { try schedule.execute(arguments: ScheduledWorkRow.arguments(for: entry)) }
        let unschedule = try db.cachedStatement(sql: "DELETE FROM scheduled_work WHERE sequence = ?")
        for sequence in changes.ranSequences { try unschedule.execute(arguments: [Int64(bitPattern: sequence)]) }
        for name in changes.removedEnterprises { try removeRows(of: name, from: db) }
        for enterprise in changes.enterprises { try apply(enterprise, to: db) }
    }

    private func removeRows(of name: String, from db: Database) throws {
        for (table, column) in Self.enterpriseTables.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "DELETE FROM \(table) WHERE \(column) = ?", arguments: [name])
        }
    }

    private func apply(_ changes: EnterpriseChangeSet, to db: Database) throws {
        let name = changes.name
        if changes.replacesEnterprise { try removeRows(of: name, from: db) }
        try db.execute(
            sql: "INSERT OR REPLACE INTO enterprise_core (name, document, clock_wall_ms) VALUES (?, ?, ?)",
            arguments: [name, try encoder.encode(changes.core), changes.ownClockWallMilliseconds])
        let schedule = try db.cachedStatement(sql: ScheduledWorkRow.ownUpsertSQL)
        for entry in changes.ownScheduled { try schedule.execute(arguments: ScheduledWorkRow.arguments(for: entry)) }
        let unschedule = try db.cachedStatement(sql: "DELETE FROM own_scheduled_work WHERE enterprise = ? AND sequence = ?")
        for sequence in changes.ownRanSequences { try unschedule.execute(arguments: [name, Int64(bitPattern: sequence)]) }
        let sim = try db.cachedStatement(sql: SIMRow.upsertSQL)
        for value in changes.sims { try sim.execute(arguments: try SIMRow.arguments(for: value, enterprise: name, encoder: encoder)) }
        let log = try db.cachedStatement(
            sql:
                "INSERT OR REPLACE INTO change_log (enterprise, position, giccid, type, before, after, time_ms, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        for (offset, entry) in changes.newLogEntries.enumerated() {
            try log.execute(arguments: [
                name, changes.firstNewLogPosition + offset, entry.giccid, entry.type.rawValue, entry.before, entry.after,
                entry.time.millisecondsSinceEpoch, entry.source.rawValue,
            ])
        }
        let delivery = try db.cachedStatement(sql: "INSERT OR REPLACE INTO delivery (enterprise, position, document) VALUES (?, ?, ?)")
        for (position, value) in changes.deliveries { try delivery.execute(arguments: [name, position, try encoder.encode(value)]) }
        let job = try db.cachedStatement(sql: "INSERT OR REPLACE INTO batch_job (enterprise, job_id, document) VALUES (?, ?, ?)")
        for value in changes.batchJobs { try job.execute(arguments: [name, value.jobId, try encoder.encode(value)]) }
        let sms = try db.cachedStatement(sql: "INSERT OR REPLACE INTO mt_sms (enterprise, sms_id, document) VALUES (?, ?, ?)")
        for value in changes.sms { try sms.execute(arguments: [name, value.smsMsgId, try encoder.encode(value)]) }
    }
}
