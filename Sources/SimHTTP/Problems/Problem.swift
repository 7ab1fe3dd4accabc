/// An RFC 7807 problem document, the body of every error (`application/problem+json`).
///
/// ```json
/// {"type":"about:blank","title":"Validation Failed","status":422,
///  "errors":[{"resource":"customFieldVO","field":"custom1","code":"invalid"}]}
/// ```
public struct Problem: Encodable, Equatable, Sendable {
    /// One problem with one field.
    public struct FieldError: Encodable, Equatable, Sendable {
        public var resource: String
        public var field: String
        public var code: String
        public var message: String?

        /// A field error; `message` is left out of the JSON when nil.
        public init(resource: String, field: String, code: String, message: String? = nil) {
            self.resource = resource
            self.field = field
            self.code = code
            self.message = message
        }
    }

    public var type = "about:blank"
    public var title: String
    public var status: Int
    public var detail: String?
    public var errors: [FieldError]?

    /// A problem with the given status and title; `detail` and `errors` are left out when nil.
    public init(status: Int, title: String, detail: String? = nil, errors: [FieldError]? = nil) {
        self.title = title
        self.status = status
        self.detail = detail
        self.errors = errors
    }
}
