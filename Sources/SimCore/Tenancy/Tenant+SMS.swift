extension Tenant {
    /// Accepts an SMS to one of the tenant's SIMs, `PENDING`; it is due for delivery after the
    /// enterprise's `smsDeliveryDelay`.
    /// - Throws: `missing` on `toGiccid` for a SIM the tenant does not have; the refusals of
    ///   ``SMSText`` for the text. The SIM's status is checked at delivery, not here.
    mutating func sendMTSMS(toGiccid giccid: String, content: String, encoding: SMSEncoding?, at now: Timestamp) throws(SimError) -> MTSMS {
        guard sims.containsICCID(giccid) else {
            throw .rejected("SIM", field: "toGiccid", code: .missing, message: "no SIM with giccid '\(giccid)'")
        }
        let text = try SMSText(content, encoding: encoding)
        let sms = MTSMS(smsMsgId: identifiers.nextHexId(), toGiccid: giccid, text: text, createdTime: now)
        mtSMS[sms.smsMsgId] = sms
        changedSMSIds.insert(sms.smsMsgId)
        schedule(.smsDelivery(smsMsgId: sms.smsMsgId), at: now.adding(settings.smsDeliveryDelay))
        return sms
    }

    /// Delivers a pending SMS at `time`: `DELIVERED` (counted in the SIM's cycle) when the SIM is
    /// ACTIVATED, else `FAILED` (also when a fault forces it); either way pushes `MT_SMS_STATUS_REPORT`.
    mutating func deliverMTSMS(_ smsMsgId: String, at time: Timestamp) {
        guard var sms = mtSMS[smsMsgId], sms.status == .pending, let sim = sims.sim(iccid: sms.toGiccid) else { return }
        if let forced = faults.consumeOutcome(.mtSMS, giccid: sim.giccid) {
            sms.status = .failed
            sms.errorMessage = forced
        } else if sim.status == .activated {
            sms.status = .delivered
            sms.deliveredTime = time
            countSMS(sms.parts, onSIM: sim.giccid, at: time)
        } else {
            sms.status = .failed
            sms.errorMessage = "SIM status is \(sim.status.rawValue); only an ACTIVATED SIM receives SMS"
        }
        mtSMS[smsMsgId] = sms
        changedSMSIds.insert(smsMsgId)
        emitPush(MTSMSStatusReportPush(sms: sms), sim: sim, at: time)
    }

    /// Records an SMS sent by a device at `now`, counts it in the SIM's cycle and pushes `MO_SMS`.
    /// - Throws: `notFound` for an unknown SIM; the refusals of ``SMSText`` for the text;
    ///   `illegal_status` when the SIM is not ACTIVATED.
    mutating func receiveMOSMS(fromGiccid giccid: String, content: String, encoding: SMSEncoding?, at now: Timestamp) throws(SimError) -> MOSMS {
        let sim = try sim(giccid)
        let text = try SMSText(content, encoding: encoding)
        guard sim.status == .activated else {
            throw .rejected(
                "SIM", field: "status", code: .illegalStatus,
                message: "SIM status is \(sim.status.rawValue); only an ACTIVATED SIM sends SMS")
        }
        let sms = MOSMS(smsMsgId: identifiers.nextHexId(), fromGiccid: giccid, text: text, receivedTime: now)
        countSMS(sms.parts, onSIM: giccid, at: now)
        emitPush(MOSMSPush(sms: sms), sim: sim, at: now)
        return sms
    }

    /// Adds `parts` SMS to the SIM's count of the cycle of `time`, starting that cycle's counters
    /// first when the SIM's belong to an earlier one, and to the statistics of the country of the
    /// SIM's last data session.
    private mutating func countSMS(_ parts: Int, onSIM giccid: String, at time: Timestamp) {
        let country = try? sims.update(iccid: giccid) { sim throws(SimError) -> String? in
            sim = sim.inCycle(time.cycleName)
            sim.cycleSmsCount += parts
            return sim.lastCountryCode
        }
        if let country = country ?? nil {
            countryStatistics.recordSMS(parts, giccid: giccid, countryCode: country, cycleName: time.cycleName)
        }
    }
}
