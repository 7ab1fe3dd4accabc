/// A scenario: a flow of calls and expectations, replayed in an enterprise of its own
/// (see scenarios/README.md for the file format).
///
/// ```yaml
/// name: Suspend a SIM and hear about it
/// steps:
///   - request: {method: POST, path: "/v1/global-sims/8944102015031128875/suspend"}
///     expect: {status: 200, body: {status: DEACTIVATED}}
///   - expectPushes: {eventType: SIM_STATUS_CHANGE, count: 1}
/// ```
public struct Scenario: Codable, Equatable, Sendable {
    /// What the scenario shows, for the report.
    public var name: String
    public var description: String?
    /// What the scenario's enterprise starts with: `default` (a copy of the demo enterprise) or `empty`.
    public var template: String?
    /// Variables set before the first step (beside `enterprise`, `apiKey` and `webhook`).
    public var variables: [String: JSON]?
    public var steps: [ScenarioStep]

    /// A scenario with every part given.
    public init(name: String, description: String? = nil, template: String? = nil, variables: [String: JSON]? = nil, steps: [ScenarioStep]) {
        self.name = name
        self.description = description
        self.template = template
        self.variables = variables
        self.steps = steps
    }
}

/// One step of a scenario: exactly one action (`request`, `advance`, `session`, `moSms`, `fault`,
/// `expectPushes`), with what its answer must be (`expect`) and the values kept from it (`capture`).
public struct ScenarioStep: Codable, Equatable, Sendable {
    public var name: String?
    public var request: RequestAction?
    /// A duration (`"10m"`, seconds) to move the clock by, or `{to: time}`.
    public var advance: JSON?
    /// A data session: `{giccid, mcc, mnc?, imei?, bytes, at?}`.
    public var session: JSON?
    /// An SMS from a device: `{giccid, content}`.
    public var moSms: JSON?
    /// A fault, as `POST /_sim/faults` takes it.
    public var fault: JSON?
    public var expectPushes: PushExpectation?
    public var expect: ResponseExpectation?
    /// Variables to set from the answer: name → selector (`$.jobId`).
    public var capture: [String: String]?

    /// A step with the given parts.
    public init(
        name: String? = nil, request: RequestAction? = nil, advance: JSON? = nil, session: JSON? = nil, moSms: JSON? = nil,
        fault: JSON? = nil, expectPushes: PushExpectation? = nil, expect: ResponseExpectation? = nil, capture: [String: String]? = nil
    ) {
        self.name = name
        self.request = request
        self.advance = advance
        self.session = session
        self.moSms = moSms
        self.fault = fault
        self.expectPushes = expectPushes
        self.expect = expect
        self.capture = capture
    }

    /// The names of the actions the step has.
    var actions: [String] {
        [
            request.map { _ in "request" }, advance.map { _ in "advance" }, session.map { _ in "session" }, moSms.map { _ in "moSms" },
            fault.map { _ in "fault" }, expectPushes.map { _ in "expectPushes" },
        ].compactMap { $0 }
    }
}

/// A call of the public or the control API. Calls of `/v1` carry the scenario enterprise's
/// `X-API-Key`, and control calls are made for it, unless `headers` set `X-API-Key` themselves.
public struct RequestAction: Codable, Equatable, Sendable {
    public var method: String
    /// The path, `/v1/…` or `/_sim/…`, with variables.
    public var path: String
    public var query: [String: String]?
    public var headers: [String: String]?
    public var body: JSON?

    /// A call with every part given.
    public init(method: String, path: String, query: [String: String]? = nil, headers: [String: String]? = nil, body: JSON? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}

/// What an answer must be: its status (default: any 2xx), a subset of its body, and values at
/// selectors (see ``JSONMatcher`` for the operators).
public struct ResponseExpectation: Codable, Equatable, Sendable {
    public var status: Int?
    public var body: JSON?
    /// Selector → expected value.
    public var json: [String: JSON]?

    /// An expectation with the given parts.
    public init(status: Int? = nil, body: JSON? = nil, json: [String: JSON]? = nil) {
        self.status = status
        self.body = body
        self.json = json
    }
}

/// What pushes the scenario's webhook must have received. The clock first moves on by `within`
/// (default 0, which still sends what is due); then the pushes received since the last
/// `expectPushes` step (since the start with `fromStart`) that match `eventType`, `giccid` and
/// the `data` subset are counted (`count`, default at least one), and `sequence` must appear among
/// them in that order.
public struct PushExpectation: Codable, Equatable, Sendable {
    public var eventType: String?
    public var giccid: String?
    public var data: JSON?
    public var count: Int?
    public var sequence: [PushMatch]?
    public var within: JSON?
    public var fromStart: Bool?

    /// An expectation with the given parts.
    public init(
        eventType: String? = nil, giccid: String? = nil, data: JSON? = nil, count: Int? = nil, sequence: [PushMatch]? = nil,
        within: JSON? = nil, fromStart: Bool? = nil
    ) {
        self.eventType = eventType
        self.giccid = giccid
        self.data = data
        self.count = count
        self.sequence = sequence
        self.within = within
        self.fromStart = fromStart
    }
}

/// One push of an expected sequence.
public struct PushMatch: Codable, Equatable, Sendable {
    public var eventType: String?
    public var giccid: String?
    public var data: JSON?

    /// A match of the given parts.
    public init(eventType: String? = nil, giccid: String? = nil, data: JSON? = nil) {
        self.eventType = eventType
        self.giccid = giccid
        self.data = data
    }
}
