import Yams

/// The limits on a YAML seed's shape that keep loading it fast whatever it holds: how deep its
/// collections nest, and how many nodes it amounts to once its aliases and merge keys (`<<`) are
/// followed. A document of a few lines can otherwise stand for billions of nodes (a chain of
/// anchors each merging the previous one twice doubles at every link).
///
/// ```swift
/// try SeedExpansionLimit.check(root)   // throws SeedProblems for a document past a limit
/// ```
enum SeedExpansionLimit {
    /// The deepest nesting of mappings and sequences.
    static let maximumDepth = 64
    /// Nodes a document may amount to beyond those written: followed aliases add at most this many
    /// plus ten times the nodes written.
    static let baseExpansion = 100_000
    /// Nodes a document may amount to per node written.
    static let expansionFactor = 10

    /// Refuses a document nested deeper than ``maximumDepth``, or amounting (aliases followed) to
    /// more than ``expansionFactor`` × its written nodes + ``baseExpansion``. Both walks stop at the
    /// limit, so a check takes time in proportion to the limit, never to the expansion.
    static func check(_ root: Node) throws(SeedProblems) {
        let written = count(root, followingAliases: false, limit: .max)
        let limit = written.nodes.multipliedReportingOverflow(by: expansionFactor).partialValue + baseExpansion
        if written.depth > maximumDepth {
            throw SeedProblems([
                SeedProblem(path: "", message: "the document nests deeper than \(maximumDepth) levels", line: written.deepestLine)
            ])
        }
        let expanded = count(root, followingAliases: true, limit: limit)
        if expanded.nodes > limit {
            throw SeedProblems([
                SeedProblem(
                    path: "",
                    message:
                        "the document's aliases and merge keys (<<) expand to more than \(limit) nodes (\(written.nodes) written); write the entries out or use fewer aliases",
                    line: nil)
            ])
        }
    }

    /// Counts nodes depth-first without recursion; with `followingAliases` false an anchored
    /// collection met again counts once (as it is written), else it counts in full each time. Stops
    /// once `limit` is passed.
    private static func count(_ root: Node, followingAliases: Bool, limit: Int) -> (nodes: Int, depth: Int, deepestLine: Int?) {
        var stack: [(node: Node, depth: Int)] = [(root, 1)]
        var seenAnchors: Set<String> = []
        var nodes = 0
        var deepest = 0
        var deepestLine: Int?
        while let (node, depth) = stack.popLast() {
            nodes += 1
            if nodes > limit { break }
            if depth > deepest {
                deepest = depth
                deepestLine = node.mark.map { $0.line }
            }
            if depth > maximumDepth + 1 { continue }
            if !followingAliases, let anchor = node.anchor?.rawValue {
                guard seenAnchors.insert(anchor).inserted else { continue }
            }
            switch node {
            case .mapping(let mapping):
                for pair in mapping { stack.append((pair.key, depth + 1)); stack.append((pair.value, depth + 1)) }
            case .sequence(let sequence):
                for element in sequence { stack.append((element, depth + 1)) }
            case .scalar, .alias:
                break
            }
        }
        return (nodes, deepest, deepestLine)
    }
}
