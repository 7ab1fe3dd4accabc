import Foundation
import SimCore
import SimResources
import SimSeed
import Testing

@testable import SimHTTP

/// The fast writer gives the same bytes as the encoder of every other answer.
@Suite struct JSONWriterTests {
    private func written(_ value: some JSONWritable) -> Data {
        var writer = JSONWriter()
        value.write(to: &writer)
        return Data(writer.bytes)
    }

    /// Every SIM of the default seed after some life: orders, a prepaid term, usage, custom fields.
    private func sims() throws -> [SIM] {
        let seed = try SeedLoader.load(yaml: EmbeddedResources.defaultSeedYAML, source: "default.yaml")
        let simulator = Simulator(seed: seed, clockMode: .manual, wallClock: ManualWallClock())
        let enterprise = seed.demoEnterprise.enterprise.name
        let giccid = "8944102015031128875"
        _ = try simulator.subscribeServicePackage("Prepaid-Addon-500M", effectiveTime: nil, giccid: giccid, enterprise: enterprise)
        _ = try simulator.recordSession(DataSession(mcc: "460", imei: "356938035643809", bytes: 12_345), giccid: giccid, enterprise: enterprise)
        let awkward = "quote \" backslash \\ slash / newline \n tab \t bell \u{07} del \u{7F} 中文 emoji 🛰️ nul \u{00}"
        _ = try simulator.updateCustomFields(ofSIM: giccid, CustomFieldsUpdate(values: [0: awkward, 4: ""]), enterprise: enterprise)
        return try simulator.sims(SIMFilter(), page: PageRequest(size: PageRequest.maximumSize), enterprise: enterprise).items
    }

    @Test func aSIMIsWrittenAsTheEncoderWritesIt() throws {
        for sim in try sims() {
            let expected = try JSONCoding.encoder.encode(SIMResponse(sim))
            #expect(written(SIMResponse(sim)) == expected, "\(sim.giccid)")
        }
    }

    @Test func aPageOfSIMsIsWrittenAsTheEncoderWritesIt() throws {
        let sims = try sims()
        let page = Page(items: sims, request: try PageRequest(page: 0, size: 100), total: 57)
        let response = PagedResponse(page, itemsKey: "sims", transform: SIMResponse.init)
        #expect(written(response) == (try JSONCoding.encoder.encode(response)))
        let empty = PagedResponse(
            Page<SIM>(items: [], request: try PageRequest(page: 3, size: 10), total: 0), itemsKey: "sims", transform: SIMResponse.init)
        #expect(written(empty) == (try JSONCoding.encoder.encode(empty)))
    }

    @Test(arguments: [0, 7, -7, 10, 99, 1_000_000, -1_234_567_890_123, Int.max, Int.min])
    func anIntegerIsWrittenAsTheEncoderWritesIt(value: Int) throws {
        var writer = JSONWriter()
        writer.integer(value)
        #expect(Data(writer.bytes) == (try JSONCoding.encoder.encode(value)))
    }

    @Test func anUnsignedIntegerBeyondInt64IsWrittenWhole() {
        var writer = JSONWriter()
        writer.integer(UInt64.max)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "18446744073709551615")
    }

    @Test(arguments: [0, 59, 951_782_400, 4_102_444_799])
    func aTimeIsWrittenInTheSmarthubFormat(seconds: Int64) {
        let time = Timestamp(secondsSinceEpoch: seconds)
        var writer = JSONWriter()
        writer.time(time)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"\(time.smarthubString)\"")
    }
}
