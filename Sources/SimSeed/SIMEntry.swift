import SimCore

/// One SIM of an enterprise as written (seed-data/README.md, "SIM").
///
/// ```yaml
/// - iccid: "8944102015031077916"
///   imsi: "234159146745553"
///   msisdn: "447700900706"
///   status: ACTIVATION_READY
///   accountName: "Fleet Prepaid"
///   basicServicePackageName: "Prepaid-Basic-1G"
/// ```
struct SIMEntry: SeedEntry {
    /// The keys of a SIM.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case iccid, imsi, msisdn, imei, eid, status, accountName, simSku, basicServicePackageName, apnName, apnStatus
        case createdTime, activatedTime, lastStatusChangeTime
        case custom1, custom2, custom3, custom4, custom5
    }

    /// The ICCID, also the SIM's `giccid`.
    var iccid: String
    /// The IMSI, 15 digits.
    var imsi: String
    /// The phone number, E.164 without `+`.
    var msisdn: String
    /// The device's IMEI, 15 digits.
    var imei: String?
    /// The eUICC id.
    var eid: String?
    /// The life-cycle status.
    var status: SIMStatus
    /// An account of the same enterprise.
    var accountName: String
    /// One of the account's card products.
    var simSku: String?
    /// A basic package of the account.
    var basicServicePackageName: String?
    /// The APN; nil means ``SIM/defaultAPNName``.
    var apnName: String?
    /// Whether the APN lets data through; nil means `ENABLED`.
    var apnStatus: APNStatus?
    /// The creation time; nil means the enterprise's creation time.
    var createdTime: Timestamp?
    /// The first activation.
    var activatedTime: Timestamp?
    /// The last status change; nil means the creation time.
    var lastStatusChangeTime: Timestamp?
    /// `custom1` … `custom5`.
    var customFields: CustomFields
    /// Where the SIM's keys are in the file.
    var location: EntryLocation

    /// Decodes a SIM, reporting every problem of it.
    init(from decoder: any Decoder) throws {
        var reader = try EntryReader(decoder, keys: CodingKeys.self, entry: "SIM")
        let iccid: String? = reader.required(.iccid)
        let imsi: String? = reader.required(.imsi)
        let msisdn: String? = reader.required(.msisdn)
        imei = reader.optional(.imei)
        eid = reader.optional(.eid)
        let status: SIMStatus? = reader.requiredEnum(.status)
        let accountName: String? = reader.required(.accountName)
        simSku = reader.optional(.simSku)
        basicServicePackageName = reader.optional(.basicServicePackageName)
        apnName = reader.optional(.apnName)
        apnStatus = reader.optionalEnum(.apnStatus)
        createdTime = reader.optionalTime(.createdTime)
        activatedTime = reader.optionalTime(.activatedTime)
        lastStatusChangeTime = reader.optionalTime(.lastStatusChangeTime)
        customFields = CustomFields(
            custom1: reader.optional(.custom1), custom2: reader.optional(.custom2), custom3: reader.optional(.custom3),
            custom4: reader.optional(.custom4), custom5: reader.optional(.custom5))
        try reader.finish()
        guard let iccid, let imsi, let msisdn, let status, let accountName else { throw reader.failure }
        self.iccid = iccid
        self.imsi = imsi
        self.msisdn = msisdn
        self.status = status
        self.accountName = accountName
        self.location = reader.location
    }
}
