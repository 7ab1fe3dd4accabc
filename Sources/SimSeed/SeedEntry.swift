/// An entry type of the seed document: decoded from a mapping, with its own keys.
protocol SeedEntry: Decodable {}
