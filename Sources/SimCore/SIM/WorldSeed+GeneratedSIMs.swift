extension WorldSeed {
    /// Adds `count` generated SIMs (``SIMFleet``) to the demo enterprise, after its declared ones,
    /// and counts them as generated, so that enterprises copied from it leave them out unless asked.
    public mutating func addGeneratedSIMs(_ count: Int) {
        let generated = SIMFleet.generate(count, for: enterprises[0], before: startTime)
        enterprises[0].sims += generated
        enterprises[0].generatedSIMCount += generated.count
    }
}
