import Foundation
import SimCore
import Yams

/// Reads a seed document (seed-data/README.md) into the core's ``SimCore/WorldSeed``.
///
/// A document is decoded, then checked against every rule of the README, then mapped to core
/// values with the defaults filled in. A document with errors is refused with a ``SeedError``
/// naming the source, the entry path and each problem.
///
/// ```swift
/// let seed = try SeedLoader.load(fileAt: "seed-data/default.yaml")
/// seed.demoEnterprise.enterprise.apiKey   // "demo-key-0d1f6a2c9e4b7385"
/// ```
public enum SeedLoader {
    /// The largest seed accepted, in bytes (64 MiB: a seed of 100,000 SIMs written out is about 25 MiB).
    public static let maximumBytes = 64 * 1_048_576

    /// Loads the seed file at `path`: JSON when the name ends in `.json`, YAML otherwise.
    /// - Throws: ``SeedError`` when the file cannot be read or the seed is invalid.
    public static func load(fileAt path: String) throws(SeedError) -> WorldSeed {
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            guard size <= maximumBytes else {
                throw SeedError(source: path, problem: SeedProblem(path: "", message: tooLarge(size)))
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as SeedError {
            throw error
        } catch {
            throw SeedError(source: path, problem: SeedProblem(path: "", message: "cannot read the file: \(error.localizedDescription)"))
        }
        if path.lowercased().hasSuffix(".json") {
            return try load(json: data, source: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SeedError(source: path, problem: SeedProblem(path: "", message: "the file is not UTF-8 text"))
        }
        return try load(yaml: text, source: path)
    }

    /// Loads a seed written in YAML; `source` names it in errors (e.g. the file path).
    /// - Throws: ``SeedError`` for YAML syntax errors and invalid seeds.
    public static func load(yaml text: String, source: String) throws(SeedError) -> WorldSeed {
        guard text.utf8.count <= maximumBytes else {
            throw SeedError(source: source, problem: SeedProblem(path: "", message: tooLarge(text.utf8.count)))
        }
        if let line = YAMLNestingLimit.lineExceedingDepth(in: text) {
            throw SeedError(source: source, problem: tooDeep(line: line))
        }
        let document: SeedDocument
        do {
            // Plain scalars stay untyped until decoded, as in YAMLDecoder: "0012" read as a string stays "0012".
            let parser = try Parser(yaml: text, resolver: Resolver.basic.appending(.merge))
            guard let root = try parser.singleRoot() else {
                throw SeedProblems([SeedProblem(path: "", message: "the document is empty", line: 1)])
            }
            try SeedExpansionLimit.check(root)
            document = try withExtendedLifetime(parser) { try YAMLDecoder().decode(SeedDocument.self, from: root) }
        } catch {
            throw SeedError(source: source, problems: inLineOrder(problems(decoding: error)))
        }
        return try seed(from: document, source: source)
    }

    /// Loads a seed written in JSON; `source` names it in errors.
    /// - Throws: ``SeedError`` for JSON syntax errors and invalid seeds.
    public static func load(json data: Data, source: String) throws(SeedError) -> WorldSeed {
        guard data.count <= maximumBytes else {
            throw SeedError(source: source, problem: SeedProblem(path: "", message: tooLarge(data.count)))
        }
        if let line = YAMLNestingLimit.lineExceedingDepth(in: String(decoding: data, as: UTF8.self)) {
            throw SeedError(source: source, problem: tooDeep(line: line))
        }
        let document: SeedDocument
        do {
            document = try JSONDecoder().decode(SeedDocument.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw SeedError(source: source, problem: .jsonSyntax(in: data))
            }
            throw SeedError(source: source, problems: problems(decoding: error))
        } catch {
            throw SeedError(source: source, problems: problems(decoding: error))
        }
        return try seed(from: document, source: source)
    }

    /// Loads a seed written in JSON text; `source` names it in errors.
    /// - Throws: ``SeedError`` for JSON syntax errors and invalid seeds.
    public static func load(json text: String, source: String) throws(SeedError) -> WorldSeed {
        try load(json: Data(text.utf8), source: source)
    }

    /// Validates a decoded document and maps it to the core form.
    private static func seed(from document: SeedDocument, source: String) throws(SeedError) -> WorldSeed {
        let problems = SeedValidator.problems(in: document)
        guard problems.isEmpty else { throw SeedError(source: source, problems: inLineOrder(problems)) }
        var seed = document.worldSeed()
        seed.countryCodeByMCC = MobileCountryCodeTable.embedded
        return seed
    }

    /// The refusal of a seed of `size` bytes.
    private static func tooLarge(_ size: Int) -> String {
        "the seed is \(size) bytes; a seed is at most \(maximumBytes) bytes (64 MiB)"
    }

    /// The refusal of a document nested past ``SimCore/YAMLNestingLimit/maximumDepth`` on `line`.
    private static func tooDeep(line: Int) -> SeedProblem {
        SeedProblem(
            path: "", message: "the document nests deeper than \(YAMLNestingLimit.maximumDepth) levels", line: line)
    }

    /// `problems` sorted by line (problems without a line keep their order, after the others).
    private static func inLineOrder(_ problems: [SeedProblem]) -> [SeedProblem] {
        problems.enumerated()
            .sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }
            .map(\.element)
    }

    /// The problems an error thrown while parsing or decoding stands for.
    private static func problems(decoding error: any Error) -> [SeedProblem] {
        switch error {
        case let problems as SeedProblems:
            return problems.problems
        case let yamlError as YamlError:
            return [SeedProblem(yamlError)]
        case let decodingError as DecodingError:
            return [SeedProblem(decodingError)]
        default:
            return [SeedProblem(path: "", message: "\(error)")]
        }
    }
}
