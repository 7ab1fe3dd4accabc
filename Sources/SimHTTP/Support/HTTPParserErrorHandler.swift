import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser refuses with a problem document and ends the connection:
/// 431 when the request line and headers are over the parser's limits (80 KiB, 1,000 fields),
/// 400 for bytes that are not HTTP/1.1. Without it Hummingbird answers an empty 400.
///
/// It sits in each connection's pipeline after the HTTP codec. A parse error while an earlier
/// request of the connection is still being answered is left to Hummingbird, so that two answers
/// never mix.
///
/// ```swift
/// let server = HTTPServerBuilder.http1(configuration: .init(additionalChannelHandlers: [HTTPParserErrorHandler()]))
/// ```
final class HTTPParserErrorHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests whose head arrived and whose answer has not ended yet.
    private var unanswered = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { unanswered += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered -= 1 }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, unanswered == 0 else {
            context.fireErrorCaught(error)
            return
        }
        let problem: Problem
        if case .headerOverflow = parserError {
            problem = Problem(
                status: 431, title: "Request Header Fields Too Large",
                detail: "the request line and headers are over the limit (80 KiB, 1000 fields)")
        } else {
            problem = Problem(status: 400, title: "Bad Request", detail: "the request is not valid HTTP/1.1")
        }
        let body = (try? JSONCoding.encoder.encode(problem)) ?? Data()
        let head = HTTPResponse(
            status: .init(code: problem.status),
            headerFields: [.contentType: "application/problem+json", .contentLength: String(body.count), .connection: "close"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        // Only the output: a full close with the rest of a large request unread would reset the
        // connection, and the client could lose the answer. The client closes the rest, or the idle timeout does.
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(mode: .output, promise: nil) }
    }
}
