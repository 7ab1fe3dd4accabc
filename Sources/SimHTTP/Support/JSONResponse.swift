import Foundation
import HTTPTypes
import Hummingbird

/// A response with a JSON body encoded by ``JSONCoding/encoder`` (or written by a ``JSONWriter``,
/// the same bytes faster, when the body is ``JSONWritable``).
struct JSONResponse<Body: Encodable>: ResponseGenerator {
    let body: Body
    var status: HTTPResponse.Status = .ok

    init(_ body: Body, status: HTTPResponse.Status = .ok) {
        self.body = body
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let buffer: ByteBuffer
        if let writable = body as? any JSONWritable {
            var writer = JSONWriter()
            writable.write(to: &writer)
            buffer = ByteBuffer(bytes: writer.bytes)
        } else {
            buffer = ByteBuffer(bytes: try JSONCoding.encoder.encode(body))
        }
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: buffer))
    }
}
