import SimCore

extension SimError {
    /// The answer for this domain error: 404 for a missing object, 422 for a refused value or
    /// change, 400 for an unreadable body.
    public var httpProblem: HTTPProblem {
        let fieldErrors = issues.map { Problem.FieldError(resource: $0.resource, field: $0.field, code: $0.code.rawValue, message: $0.message) }
        switch category {
        case .notFound:
            return HTTPProblem(Problem(status: 404, title: "Not Found", detail: detail, errors: fieldErrors))
        case .rejected:
            return HTTPProblem(Problem(status: 422, title: "Validation Failed", detail: detail, errors: fieldErrors))
        case .malformed:
            return .badRequest(detail ?? "Body should be a JSON object")
        }
    }
}
