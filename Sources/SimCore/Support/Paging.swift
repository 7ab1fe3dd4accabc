/// Which slice of a list a caller wants: `page` is 0-based, `size` items per page.
public struct PageRequest: Equatable, Sendable {
    /// The largest page size a caller may ask for.
    public static let maximumSize = 1000
    /// The page size when none is given.
    public static let defaultSize = 10

    /// 0-based page number.
    public let page: Int
    /// Items per page, 1 to ``maximumSize``.
    public let size: Int

    /// A page request; throws `invalid` errors naming `page` or `size` when out of range.
    public init(page: Int = 0, size: Int = PageRequest.defaultSize) throws(SimError) {
        var issues: [SimError.Issue] = []
        if page < 0 {
            issues.append(.init(resource: "query", field: "page", code: .invalid, message: "page must be an integer of 0 or more"))
        }
        if size < 1 || size > Self.maximumSize {
            issues.append(
                .init(resource: "query", field: "size", code: .invalid, message: "size must be an integer from 1 to \(Self.maximumSize)"))
        }
        guard issues.isEmpty else { throw SimError(.rejected, issues) }
        self.page = page
        self.size = size
    }

    /// The index of the first item of the page (saturating, so a huge page is simply past the end).
    public var offset: Int { page.multipliedReportingOverflow(by: size).overflow ? Int.max : page * size }

    /// The positions of this page within a list of `total` items.
    public func range(in total: Int) -> Range<Int> {
        let start = min(offset, total)
        return start..<min(total, start.addingReportingOverflow(size).overflow ? total : start + size)
    }
}

/// One page of a list, with the list's total length.
public struct Page<Item: Sendable>: Sendable {
    /// The items of this page, in the list's order.
    public var items: [Item]
    /// The request this page answers.
    public var request: PageRequest
    /// The number of items in the whole list.
    public var total: Int

    /// A page of `items` out of `total`.
    public init(items: [Item], request: PageRequest, total: Int) {
        self.items = items
        self.request = request
        self.total = total
    }

    /// The page of `request` cut from a whole list.
    public init(slicing all: [Item], request: PageRequest) {
        self.init(items: Array(all[request.range(in: all.count)]), request: request, total: all.count)
    }

    /// The same page with each item transformed.
    public func map<Other>(_ transform: (Item) throws -> Other) rethrows -> Page<Other> {
        Page<Other>(items: try items.map(transform), request: request, total: total)
    }
}

extension Page: Equatable where Item: Equatable {}
