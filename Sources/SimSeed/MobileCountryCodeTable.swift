import SimResources

/// The country of each mobile country code, read from `data/mcc-countries.csv` (embedded):
/// lines `mcc,countryCode,"countryName"`, `#` comments and a header line.
public enum MobileCountryCodeTable {
    /// The embedded table: MCC → ISO 3166-1 alpha-2.
    public static let embedded: [String: String] = parse(EmbeddedResources.mobileCountryCodesCSV)

    /// The table of a CSV text in the format above; malformed lines are skipped.
    public static func parse(_ csv: String) -> [String: String] {
        var table: [String: String] = [:]
        for line in csv.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") && !line.hasPrefix("mcc,") {
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[0].count == 3, fields[1].count == 2 else { continue }
            table[String(fields[0])] = String(fields[1])
        }
        return table
    }
}
