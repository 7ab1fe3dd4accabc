import Foundation
import PackagePlugin

/// Embeds the package's data files (the default seed, the OpenAPI specs, the MCC table, the dashboard) into the target as
/// Swift string constants, so the binary carries them wherever it is copied.
@main
struct EmbedResources: BuildToolPlugin {
    /// Package-relative path → the name of the generated constant.
    static let files: [(path: String, constant: String)] = [
        ("seed-data/default.yaml", "defaultSeedYAML"),
        ("openapi/smarthub.yaml", "smarthubOpenAPIYAML"),
        ("openapi/control.yaml", "controlOpenAPIYAML"),
        ("data/mcc-countries.csv", "mobileCountryCodesCSV"),
        ("dashboard/index.html", "dashboardHTML"),
        ("dashboard/dashboard.css", "dashboardCSS"),
        ("dashboard/dashboard.js", "dashboardJavaScript"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        let inputs = Self.files.map { context.package.directoryURL.appending(path: $0.path) }
        let arguments = [output.path()] + zip(Self.files, inputs).flatMap { file, url in [file.constant, url.path()] }
        return [
            .buildCommand(
                displayName: "Embedding seed, OpenAPI and dashboard files",
                executable: try context.tool(named: "ResourceEmbedder").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
