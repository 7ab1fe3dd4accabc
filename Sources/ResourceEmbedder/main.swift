import Foundation

// Writes a Swift file declaring one string constant per input file.
// Usage: ResourceEmbedder OUTPUT.swift NAME FILE [NAME FILE …]
let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first, arguments.count % 2 == 1 else {
    FileHandle.standardError.write(Data("usage: ResourceEmbedder OUTPUT.swift NAME FILE [NAME FILE …]\n".utf8))
    exit(2)
}
var source = "// Generated at build time from the package's data files. Do not edit.\n\n"
source += "/// The package's data files, embedded in the binary.\npublic enum EmbeddedResources {\n"
var pairs = Array(arguments.dropFirst())
while pairs.count >= 2 {
    let name = pairs.removeFirst()
    let path = pairs.removeFirst()
    let text = try String(contentsOfFile: path, encoding: .utf8)
    // A raw string whose delimiter is longer than any run of '#' in the text.
    var longestRun = 0
    var run = 0
    for character in text {
        run = character == "#" ? run + 1 : 0
        longestRun = max(longestRun, run)
    }
    let hashes = String(repeating: "#", count: longestRun + 1)
    source += "    /// The contents of `\(URL(fileURLWithPath: path).lastPathComponent)`.\n"
    source += "    public static let \(name): String = \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)\n"
}
source += "}\n"
try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
