extension Tenant {
    /// Asks for `work` to run when the clock reaches `due` (the world moves it into its scheduler
    /// after each step).
    mutating func schedule(_ work: TenantWork, at due: Timestamp) {
        requestedWork.append((due, work))
    }

    /// Runs work that fell due at `time`; returns the push attempt to hand to the transport, if any.
    mutating func run(_ work: TenantWork, at time: Timestamp) -> PushRequest? {
        switch work {
        case .batchStep(let jobId):
            runBatchStep(jobId: jobId, at: time)
        case .pushAttempt(let eventId):
            return beginPushAttempt(eventId, dueAt: time)
        case .noSessionCheck(let giccid, let sessionTime):
            checkSilence(ofSIM: giccid, sinceSessionAt: sessionTime, at: time)
        case .smsDelivery(let smsMsgId):
            deliverMTSMS(smsMsgId, at: time)
        case .packageStart(let giccid, let orderId):
            startPendingOrder(orderId, ofSIM: giccid, at: time)
        case .packageExpiryWarning(let giccid, let orderId):
            warnOfExpiry(ofOrder: orderId, ofSIM: giccid, at: time)
        case .packageExpiry(let giccid, let orderId):
            expireOrder(orderId, ofSIM: giccid, at: time)
        case .backgroundTraffic(let generation):
            generateBackgroundTraffic(generation: generation, after: nil, at: time)
        case .backgroundTrafficSlice(let generation, let after):
            generateBackgroundTraffic(generation: generation, after: after, at: time)
        }
        return nil
    }
}
