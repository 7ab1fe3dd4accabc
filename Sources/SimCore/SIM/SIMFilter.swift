/// The filters of `GET /global-sims`; every given filter must match.
public struct SIMFilter: Equatable, Sendable {
    public var status: SIMStatus?
    public var accountName: String?
    /// The name of the SIM's basic service package.
    public var servicePackageName: String?
    public var iccid: String?
    public var imsi: String?
    public var msisdn: String?
    public var imei: String?

    /// A filter; nil fields match everything.
    public init(
        status: SIMStatus? = nil, accountName: String? = nil, servicePackageName: String? = nil, iccid: String? = nil,
        imsi: String? = nil, msisdn: String? = nil, imei: String? = nil
    ) {
        self.status = status
        self.accountName = accountName
        self.servicePackageName = servicePackageName
        self.iccid = iccid
        self.imsi = imsi
        self.msisdn = msisdn
        self.imei = imei
    }

    /// True when `sim` passes every filter.
    public func matches(_ sim: SIM) -> Bool {
        (status == nil || sim.status == status) && (accountName == nil || sim.accountName == accountName)
            && (servicePackageName == nil || sim.basicServicePackageName == servicePackageName)
            && (iccid == nil || sim.iccid == iccid) && (imsi == nil || sim.imsi == imsi)
            && (msisdn == nil || sim.msisdn == msisdn) && (imei == nil || sim.imei == imei)
    }

    var hasIdentifier: Bool { iccid != nil || imsi != nil || msisdn != nil || imei != nil }
}
