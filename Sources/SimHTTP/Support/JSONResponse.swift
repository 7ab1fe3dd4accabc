import Foundation
import HTTPTypes
import Hummingbird

/// A response with a JSON body encoded by ``JSONCoding/encoder``.
struct JSONResponse<Body: Encodable>: ResponseGenerator {
    let body: Body
    var status: HTTPResponse.Status = .ok

    init(_ body: Body, status: HTTPResponse.Status = .ok) {
        self.body = body
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONCoding.encoder.encode(body)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
