/// A list, so that ``SeedValueDescription/expected(_:)`` can call any array "a list".
protocol SeedList {}

extension Array: SeedList {}
