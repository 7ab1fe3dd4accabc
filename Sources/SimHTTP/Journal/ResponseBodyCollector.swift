import HTTPTypes
import Hummingbird

/// Runs a response body into memory, so that it can be both read and sent.
///
/// ```swift
/// let collector = ResponseBodyCollector()
/// try await response.body.write(collector.writer)
/// response.body = collector.body   // the same bytes, now from a buffer
/// ```
final class ResponseBodyCollector {
    /// What the body wrote so far.
    private(set) var buffer = ByteBuffer()
    /// The trailing headers the body finished with, if any.
    private(set) var trailingHeaders: HTTPFields?

    /// A writer that appends to this collector.
    var writer: some ResponseBodyWriter { Writer(collector: self) }

    /// A body that sends the collected bytes (and trailing headers) again.
    var body: ResponseBody {
        guard let trailingHeaders else { return ResponseBody(byteBuffer: buffer) }
        let buffer = buffer
        return ResponseBody(contentLength: buffer.readableBytes) { writer in
            try await writer.write(buffer)
            try await writer.finish(trailingHeaders)
        }
    }

    private struct Writer: ResponseBodyWriter {
        let collector: ResponseBodyCollector

        mutating func write(_ buffer: ByteBuffer) async throws {
            if collector.buffer.readableBytes == 0 {
                collector.buffer = buffer
            } else {
                collector.buffer.writeImmutableBuffer(buffer)
            }
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
            collector.trailingHeaders = trailingHeaders
        }
    }
}
