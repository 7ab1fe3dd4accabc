/// One SIM card of an enterprise, as the platform knows it.
///
/// `giccid` is the id in paths; it equals the ICCID. Usage counters belong to the billing cycle
/// named by `usageCycleName`; ``inCycle(_:)`` shows them as of another cycle (zero once a new
/// month has begun), so a month rollover never has to touch every SIM. ``asOf(_:)`` shows the
/// whole SIM at a moment.
public struct SIM: Equatable, Sendable, Codable {
    public var iccid: String
    public var imsi: String
    public var msisdn: String
    public var imei: String?
    public var eid: String?
    public var status: SIMStatus
    public var accountName: String
    public var simSku: String?
    public var basicServicePackageName: String?
    public var supplementaryOrders: [PackageOrder]
    /// The current term of a prepaid basic plan (one with a validity): it starts when the SIM is
    /// activated and ends after the plan's `validityDays`; nil for other plans and for a SIM that
    /// was never ACTIVATED on its plan.
    public var basicPackageOrder: PackageOrder?
    public var sharePoolName: String?
    public var apnName: String
    public var apnStatus: APNStatus
    public var activatedTime: Timestamp?
    public var createdTime: Timestamp
    public var lastStatusChangeTime: Timestamp
    /// The cycle the usage counters below belong to.
    public var usageCycleName: String
    public var cycleDataUsageBytes: Int64
    public var cycleSmsCount: Int
    /// The cycle-usage thresholds (percentages) already pushed in the cycle `usageCycleName`.
    public var cycleThresholdsPushed: [Int] = []
    /// Data used while TEST_READY, toward the test quota.
    public var testDataUsedBytes: Int64 = 0
    public var lastSessionTime: Timestamp?
    public var lastCountryCode: String?
    public var customFields: CustomFields

    /// The id used in paths: the ICCID.
    public var giccid: String { iccid }

    /// The default APN name of a SIM.
    public static let defaultAPNName = "iot.smarthub"

    /// A SIM with the given identity and status; everything else starts empty.
    public init(
        iccid: String, imsi: String, msisdn: String, imei: String? = nil, eid: String? = nil, status: SIMStatus,
        accountName: String, simSku: String? = nil, basicServicePackageName: String? = nil, sharePoolName: String? = nil,
        apnName: String = SIM.defaultAPNName, apnStatus: APNStatus = .enabled, activatedTime: Timestamp? = nil,
        createdTime: Timestamp, lastStatusChangeTime: Timestamp? = nil, customFields: CustomFields = CustomFields()
    ) {
        self.iccid = iccid
        self.imsi = imsi
        self.msisdn = msisdn
        self.imei = imei
        self.eid = eid
        self.status = status
        self.accountName = accountName
        self.simSku = simSku
        self.basicServicePackageName = basicServicePackageName
        self.supplementaryOrders = []
        self.basicPackageOrder = nil
        self.sharePoolName = sharePoolName
        self.apnName = apnName
        self.apnStatus = apnStatus
        self.activatedTime = activatedTime
        self.createdTime = createdTime
        self.lastStatusChangeTime = lastStatusChangeTime ?? createdTime
        self.usageCycleName = createdTime.cycleName
        self.cycleDataUsageBytes = 0
        self.cycleSmsCount = 0
        self.lastSessionTime = nil
        self.lastCountryCode = nil
        self.customFields = customFields
    }

    /// This SIM as seen during `cycleName`: counters of an earlier cycle read as zero.
    public func inCycle(_ cycleName: String) -> SIM {
        guard usageCycleName != cycleName else { return self }
        var copy = self
        copy.usageCycleName = cycleName
        copy.cycleDataUsageBytes = 0
        copy.cycleSmsCount = 0
        copy.cycleThresholdsPushed = []
        return copy
    }

    /// This SIM as shown at `now`: its counters as of `now`'s cycle (see ``inCycle(_:)``). Orders
    /// change on the clock, so they are shown as stored.
    ///
    /// Every call that returns a SIM shows it through this function.
    public func asOf(_ now: Timestamp) -> SIM { inCycle(now.cycleName) }
}
