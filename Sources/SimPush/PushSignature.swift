import Crypto
import Foundation

/// The signature of a push: `X-Smarthub-Signature` = lowercase hex of
/// HMAC-SHA256(key: the secret's UTF-8 bytes, message: timestamp + "." + body).
///
/// ```swift
/// let signature = PushSignature.sign(body: body, timestamp: "1742025600", secret: "s3cret")
/// PushSignature.isValid(signature, body: body, timestamp: "1742025600", secret: "s3cret")  // true
/// ```
public enum PushSignature {
    /// The header carrying the unix time (seconds) the signature covers.
    public static let timestampHeader = "X-Smarthub-Timestamp"
    /// The header carrying the signature.
    public static let signatureHeader = "X-Smarthub-Signature"

    /// The lowercase hex signature of `body` sent at `timestamp`.
    public static func sign(body: Data, timestamp: String, secret: String) -> String {
        var message = Data(timestamp.utf8)
        message.append(UInt8(ascii: "."))
        message.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// True when `signature` is the signature of `body` at `timestamp` with `secret` (constant-time compare).
    public static func isValid(_ signature: String, body: Data, timestamp: String, secret: String) -> Bool {
        let expected = Array(sign(body: body, timestamp: timestamp, secret: secret).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
