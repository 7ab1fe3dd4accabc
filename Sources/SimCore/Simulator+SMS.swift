extension Simulator {
    /// Accepts an SMS to a SIM of the enterprise; it is delivered (or fails) later, on the clock,
    /// after the enterprise's `smsDeliveryDelay`, and its final status is pushed as `MT_SMS_STATUS_REPORT`.
    ///
    /// ```swift
    /// let sms = try simulator.sendMTSMS(toGiccid: giccid, content: "PING", encoding: nil, enterprise: "Demo IoT Ltd")
    /// try simulator.advance(by: .seconds(2))
    /// try simulator.mtSMS(sms.smsMsgId, enterprise: "Demo IoT Ltd").status  // .delivered when the SIM is ACTIVATED
    /// ```
    /// - Throws: `missing` on `toGiccid` for an unknown (or another enterprise's) SIM, `invalid` on
    ///   `content` or `encoding` for a text that cannot be sent.
    public func sendMTSMS(toGiccid giccid: String, content: String, encoding: SMSEncoding?, enterprise: String) throws(SimError) -> MTSMS {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                try tenant.sendMTSMS(toGiccid: giccid, content: content, encoding: encoding, at: now)
            }
        }
    }

    /// An SMS sent to a SIM of the enterprise, with its delivery status.
    /// - Throws: `notFound` (`Sms`, `smsMsgId`) for an unknown or another enterprise's message.
    public func mtSMS(_ smsMsgId: String, enterprise: String) throws(SimError) -> MTSMS {
        try withWorld(for: enterprise) { world, _ throws(SimError) in
            guard let sms = try world.tenant(enterprise).mtSMS[smsMsgId] else { throw .notFound("Sms", field: "smsMsgId") }
            return sms
        }
    }

    /// The device with this SIM sends an SMS (control API): counted in the SIM's cycle and pushed
    /// as `MO_SMS` at once.
    /// - Throws: `notFound` for an unknown SIM, `invalid` on `content` or `encoding` for a text that
    ///   cannot be sent, `illegal_status` when the SIM is not ACTIVATED.
    public func injectMOSMS(fromGiccid giccid: String, content: String, encoding: SMSEncoding?, enterprise: String) throws(SimError) -> MOSMS {
        try withWorld(for: enterprise) { world, now throws(SimError) in
            try world.withTenant(enterprise) { tenant throws(SimError) in
                try tenant.receiveMOSMS(fromGiccid: giccid, content: content, encoding: encoding, at: now)
            }
        }
    }
}
