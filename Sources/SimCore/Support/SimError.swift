/// A refusal from the domain: what kind of refusal, and which fields it concerns.
///
/// The HTTP layer maps ``Category`` to a status code and ``issues`` to the problem JSON
/// `errors` array; the core knows nothing of either.
public struct SimError: Error, Equatable, Sendable {
    /// The kind of refusal.
    public enum Category: Sendable, Equatable {
        /// The object does not exist (or belongs to another enterprise).
        case notFound
        /// A field is missing or invalid, or a business rule refuses the change.
        case rejected
        /// The request body is not what the operation reads (not JSON, wrong JSON type).
        case malformed
    }

    /// The error codes of the Smarthub documentation, plus the business code `illegal_status`.
    public enum Code: String, Sendable, Equatable {
        case missing
        case missingField = "missing_field"
        case invalid
        case alreadyExists = "already_exists"
        case illegalStatus = "illegal_status"
    }

    /// One problem with one field of one resource.
    public struct Issue: Equatable, Sendable {
        public var resource: String
        public var field: String
        public var code: Code
        public var message: String?

        /// An issue with `field` of `resource`.
        public init(resource: String, field: String, code: Code, message: String? = nil) {
            self.resource = resource
            self.field = field
            self.code = code
            self.message = message
        }
    }

    /// The kind of refusal.
    public let category: Category
    /// The problems found, at least one for ``Category/notFound`` and ``Category/rejected``.
    public let issues: [Issue]
    /// A sentence for people, used when there is no field to name.
    public let detail: String?

    /// An error of `category` with `issues`.
    public init(_ category: Category, _ issues: [Issue], detail: String? = nil) {
        self.category = category
        self.issues = issues
        self.detail = detail
    }

    /// The object `resource` named by `field` does not exist.
    public static func notFound(_ resource: String, field: String) -> SimError {
        SimError(.notFound, [Issue(resource: resource, field: field, code: .missing)])
    }

    /// One field is refused.
    public static func rejected(_ resource: String, field: String, code: Code, message: String) -> SimError {
        SimError(.rejected, [Issue(resource: resource, field: field, code: code, message: message)])
    }

    /// The body cannot be read.
    public static func malformed(_ detail: String) -> SimError {
        SimError(.malformed, [], detail: detail)
    }
}
