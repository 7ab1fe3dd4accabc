import Foundation
import SimCore

/// The machine's clock.
public struct SystemWallClock: WallClock {
    /// The machine's clock.
    public init() {}

    public func nowMilliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}
