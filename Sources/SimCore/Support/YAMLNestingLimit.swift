/// A bound on how deeply a YAML (or JSON) text nests, checked on the text itself before a parser
/// sees it: YAML parsers build nested collections by recursion, so a document nested tens of
/// thousands of levels deep would overflow the stack before any rule on the parsed document runs.
///
/// The scan is one pass over the bytes with no recursion and counts, outside quoted scalars,
/// comments and block scalars: flow collections (`[` and `{` where a value starts), block
/// indentation levels, and compact nested sequences (`- - - x`). A block sequence may sit at its
/// parent key's column, so the real nesting can be up to twice the count: still far from what
/// overflows a stack. The finer limits of each format (a seed's 64 levels) apply after parsing.
///
/// ```swift
/// YAMLNestingLimit.lineExceedingDepth(in: "a: [[1]]")                        // nil
/// YAMLNestingLimit.lineExceedingDepth(in: String(repeating: "[", count: 5000)) // 1
/// ```
public enum YAMLNestingLimit {
    /// The deepest nesting the scan lets through.
    public static let maximumDepth = 1_000

    /// The (1-based) line on which `text` nests deeper than ``maximumDepth``, or nil when it does not.
    public static func lineExceedingDepth(in text: String) -> Int? {
        var scan = Scan()
        var bytes = text.utf8.makeIterator()
        var current = bytes.next()
        while let byte = current {
            let next = bytes.next()
            if scan.consume(byte, next: next) { return scan.line }
            current = next
        }
        return nil
    }

    /// The state of one pass over a text.
    private struct Scan {
        /// The current line, from 1.
        var line = 1
        /// Open flow collections.
        var flowDepth = 0
        /// The columns of the open block collections, increasing.
        var blockColumns: [Int] = []
        /// The column of the next byte.
        var column = 0
        /// True while the line's leading spaces are read.
        var inIndentation = true
        /// The indentation of the current line.
        var lineIndent = 0
        /// True where a value may start: a `[` or `{` there opens a collection, a quote a quoted scalar.
        var atValueStart = true
        /// The quote character of the quoted scalar being read (0 outside one).
        var quote: UInt8 = 0
        /// True when the next byte of a quoted scalar is taken as it is (after `\\` in double quotes, or the first `'` of `''`).
        var escaped = false
        /// True in a comment (to the end of the line).
        var inComment = false
        /// The indentation of the line that began a block scalar (`|`, `>`) while its lines are skipped.
        var blockScalarIndent: Int?
        /// True while a block scalar's line is skipped.
        var skippingLine = false
        /// True while a token that does not change what may follow (an anchor `&a`, a tag `!t`) is read.
        var inProperty = false
        /// The previous byte on this line (0 at its start).
        var previous: UInt8 = 0

        private static let newline = UInt8(ascii: "\n")
        private static let space = UInt8(ascii: " ")
        private static let tab = UInt8(ascii: "\t")
        private static let carriageReturn = UInt8(ascii: "\r")

        private var depth: Int { blockColumns.count + flowDepth }

        /// Reads one byte (`next` is the one after it); true when the bound is passed.
        mutating func consume(_ byte: UInt8, next: UInt8?) -> Bool {
            defer {
                if byte == Self.newline {
                    line += 1
                    column = 0
                    previous = 0
                } else {
                    column += 1
                    previous = byte
                }
            }
            if byte == Self.newline {
                endLine()
                return false
            }
            if skippingLine || inComment { return false }
            if quote != 0 {
                // A line a quoted scalar goes on to is part of it, not a line of its own.
                inIndentation = false
                readQuoted(byte, next: next)
                return false
            }
            if inIndentation {
                if byte == Self.space { return false }
                inIndentation = false
                lineIndent = column
                if byte == Self.carriageReturn || byte == UInt8(ascii: "#") {
                    inComment = true
                    return false
                }
                if let indent = blockScalarIndent {
                    if column > indent {
                        skippingLine = true
                        return false
                    }
                    blockScalarIndent = nil
                }
                if flowDepth == 0, startBlockLine(byte, next: next) { return true }
            }
            return readContent(byte, next: next)
        }

        /// A new line: block context starts each line at a value's start; flow context carries on.
        private mutating func endLine() {
            inIndentation = true
            inComment = false
            skippingLine = false
            inProperty = false
            if quote == 0, flowDepth == 0 { atValueStart = true }
        }

        /// The first byte of a line in block context: closes the block collections it is not inside.
        private mutating func startBlockLine(_ byte: UInt8, next: UInt8?) -> Bool {
            if column == 0, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."), next == byte {
                // A document marker (`---`, `...`) or a plain scalar at the margin: either way no collection is left open.
                blockColumns.removeAll()
            }
            while let last = blockColumns.last, last >= column { blockColumns.removeLast() }
            blockColumns.append(column)
            return depth > maximumDepth
        }

        /// One byte of a quoted scalar.
        private mutating func readQuoted(_ byte: UInt8, next: UInt8?) {
            if escaped {
                escaped = false
            } else if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                escaped = true
            } else if quote == UInt8(ascii: "'"), byte == quote, next == quote {
                // `''` inside a single-quoted scalar is one quote: its second half is skipped.
                escaped = true
            } else if byte == quote {
                quote = 0
                atValueStart = false
            }
        }

        /// One byte outside quotes, comments and indentation.
        private mutating func readContent(_ byte: UInt8, next: UInt8?) -> Bool {
            let separated = next == nil || next == Self.space || next == Self.tab || next == Self.newline || next == Self.carriageReturn
            if byte == Self.space || byte == Self.tab || byte == Self.carriageReturn {
                inProperty = false
                return false
            }
            if byte == UInt8(ascii: "#"), previous == 0 || previous == Self.space || previous == Self.tab {
                inComment = true
                return false
            }
            if inProperty { return false }
            if atValueStart {
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    return depth > maximumDepth
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    quote = byte
                    return false
                case UInt8(ascii: "&"), UInt8(ascii: "!"):
                    inProperty = true
                    return false
                case UInt8(ascii: "-"), UInt8(ascii: "?"):
                    guard flowDepth == 0, separated else { break }
                    // A compact entry (`- - x`): one more level, at this column.
                    if let last = blockColumns.last, column > last {
                        blockColumns.append(column)
                        return depth > maximumDepth
                    }
                    return false
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    guard flowDepth == 0 else { break }
                    blockScalarIndent = lineIndent
                    skippingLine = true
                    return false
                default:
                    break
                }
            }
            if flowDepth > 0 {
                switch byte {
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth -= 1
                    atValueStart = false
                case UInt8(ascii: ","), UInt8(ascii: ":"):
                    atValueStart = true
                default:
                    atValueStart = false
                }
            } else {
                atValueStart = byte == UInt8(ascii: ":") && separated
            }
            return false
        }
    }
}
