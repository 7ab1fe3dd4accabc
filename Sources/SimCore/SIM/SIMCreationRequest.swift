/// What `POST /_sim/sims` asks for: SIMs to add to one account of an enterprise.
///
/// The SIMs made are one per template, then `count` generated ones (`count` defaults to 1
/// when there are no templates, else 0). Values missing from a template are generated.
public struct SIMCreationRequest: Equatable, Sendable {
    /// The most SIMs one request may create.
    public static let maximumCount = 100_000

    public var accountName: String
    public var count: Int?
    public var templates: [SIMTemplate]
    /// Status of SIMs whose template sets none (default INVENTORY).
    public var status: SIMStatus?
    /// Basic plan of SIMs whose template sets none (default the account's first basic plan).
    public var basicServicePackageName: String?

    /// A request with every part given.
    public init(
        accountName: String, count: Int? = nil, templates: [SIMTemplate] = [], status: SIMStatus? = nil,
        basicServicePackageName: String? = nil
    ) {
        self.accountName = accountName
        self.count = count
        self.templates = templates
        self.status = status
        self.basicServicePackageName = basicServicePackageName
    }

    /// The number of generated SIMs besides the templates.
    var generatedCount: Int { count ?? (templates.isEmpty ? 1 : 0) }
}

/// A partial SIM: whatever is set is used as given.
public struct SIMTemplate: Equatable, Sendable {
    public var iccid: String?
    public var imsi: String?
    public var msisdn: String?
    public var imei: String?
    public var status: SIMStatus?
    public var simSku: String?
    public var basicServicePackageName: String?
    public var apnName: String?
    public var customFields: CustomFields

    /// A template with the given values.
    public init(
        iccid: String? = nil, imsi: String? = nil, msisdn: String? = nil, imei: String? = nil, status: SIMStatus? = nil,
        simSku: String? = nil, basicServicePackageName: String? = nil, apnName: String? = nil, customFields: CustomFields = CustomFields()
    ) {
        self.iccid = iccid
        self.imsi = imsi
        self.msisdn = msisdn
        self.imei = imei
        self.status = status
        self.simSku = simSku
        self.basicServicePackageName = basicServicePackageName
        self.apnName = apnName
        self.customFields = customFields
    }
}
