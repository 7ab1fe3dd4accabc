import ArgumentParser
import Logging

/// The `--log-format` values: how each log record is written to standard error.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    /// One line per record, the metadata as `key=value` (swift-log's stream handler).
    case text
    /// One JSON object per line (``JSONLogHandler``).
    case json

    /// A handler of this format for the logger labelled `label`.
    func makeHandler(label: String) -> any LogHandler {
        switch self {
        case .text: StreamLogHandler.standardError(label: label)
        case .json: JSONLogHandler(label: label)
        }
    }
}
