import SimCore

/// A page of a list, with its items under the kind's name:
/// `{"sims":[…],"page":0,"size":10,"total":57}`.
struct PagedResponse<Item: Encodable & Sendable>: Encodable, Sendable {
    let itemsKey: String
    let items: [Item]
    let page: Int
    let size: Int
    let total: Int

    init<Source>(_ page: Page<Source>, itemsKey: String, transform: (Source) -> Item) {
        self.itemsKey = itemsKey
        items = page.items.map(transform)
        self.page = page.request.page
        size = page.request.size
        total = page.total
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode(items, forKey: DynamicKey(itemsKey))
        try container.encode(page, forKey: DynamicKey("page"))
        try container.encode(size, forKey: DynamicKey("size"))
        try container.encode(total, forKey: DynamicKey("total"))
    }
}

extension PagedResponse: JSONWritable where Item: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { writer in
            for key in [itemsKey, "page", "size", "total"].sorted() {
                writer.field(key) { writer in
                    switch key {
                    case "page": writer.integer(page)
                    case "size": writer.integer(size)
                    case "total": writer.integer(total)
                    default: writer.array(items) { writer, item in item.write(to: &writer) }
                    }
                }
            }
        }
    }
}

/// A coding key made from any string.
struct DynamicKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ stringValue: String) { self.stringValue = stringValue }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
