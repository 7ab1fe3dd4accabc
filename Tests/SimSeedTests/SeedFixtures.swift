import Foundation
import SimSeed
import Testing

/// Seeds for the tests: the project's default seed file and a small valid seed to break on purpose.
enum SeedFixtures {
    /// The path of `seed-data/default.yaml`, found by walking up from this file.
    static func defaultSeedPath(from filePath: String = #filePath) throws -> String {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("seed-data/default.yaml")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            directory.deleteLastPathComponent()
        }
        throw SeedFixtureError(message: "no seed-data/default.yaml above \(filePath)")
    }

    /// A small valid seed: two accounts (one PREPAID, one CHARGE with a pool), three packages, two SIMs.
    static let minimalYAML = """
        version: 1
        startTime: "2025-03-15T08:00:00+0000"
        randomSeed: 7
        enterprises:
          - name: "Acme"
            apiKey: "acme-key-0123456789abcdef"
            accounts:
              - name: "Prepaid"
                chargeType: PREPAID
                prepaidRenewType: AUTO
                simSkus: ["SKU-A"]
                servicePackages:
                  - name: "Basic-1G"
                    type: BASIC
                    billingType: PREPAID
                    dataQuotaBytes: 1073741824
                    validityDays: 30
                    price: 1.5
                    currency: USD
                  - name: "Addon"
                    type: SUPPLEMENTARY
                    billingType: PREPAID
                    price: 1
                    currency: USD
              - name: "Postpaid"
                chargeType: CHARGE
                simSkus: ["SKU-B"]
                sharePools:
                  - name: "Pool"
                    quotaBytes: 1000
                servicePackages:
                  - name: "Pool-Basic"
                    type: BASIC
                    billingType: POSTPAID
                    smsQuota: 5
                    price: 0
                    currency: USD
                    sharePoolName: "Pool"
            sims:
              - iccid: "8944000000000000019"
                imsi: "234150000000001"
                msisdn: "447700900001"
                imei: "350000000000006"
                status: ACTIVATED
                accountName: "Prepaid"
                simSku: "SKU-A"
                basicServicePackageName: "Basic-1G"
                createdTime: "2025-01-01T00:00:00+0000"
                activatedTime: "2025-03-01T00:00:00+0000"
                custom1: "truck-1"
              - iccid: "8944000000000000027"
                imsi: "234150000000002"
                msisdn: "447700900002"
                status: INVENTORY
                accountName: "Postpaid"
                basicServicePackageName: "Pool-Basic"

        """

    /// ``minimalYAML`` in JSON.
    static let minimalJSON = """
        {
          "version": 1, "startTime": "2025-03-15T08:00:00+0000", "randomSeed": 7,
          "enterprises": [{
            "name": "Acme", "apiKey": "acme-key-0123456789abcdef",
            "accounts": [
              {
                "name": "Prepaid", "chargeType": "PREPAID", "prepaidRenewType": "AUTO", "simSkus": ["SKU-A"],
                "servicePackages": [
                  {"name": "Basic-1G", "type": "BASIC", "billingType": "PREPAID", "dataQuotaBytes": 1073741824,
                   "validityDays": 30, "price": 1.5, "currency": "USD"},
                  {"name": "Addon", "type": "SUPPLEMENTARY", "billingType": "PREPAID", "price": 1, "currency": "USD"}
                ]
              },
              {
                "name": "Postpaid", "chargeType": "CHARGE", "simSkus": ["SKU-B"],
                "sharePools": [{"name": "Pool", "quotaBytes": 1000}],
                "servicePackages": [
                  {"name": "Pool-Basic", "type": "BASIC", "billingType": "POSTPAID", "smsQuota": 5, "price": 0,
                   "currency": "USD", "sharePoolName": "Pool"}
                ]
              }
            ],
            "sims": [
              {"iccid": "8944000000000000019", "imsi": "234150000000001", "msisdn": "447700900001", "imei": "350000000000006",
               "status": "ACTIVATED", "accountName": "Prepaid", "simSku": "SKU-A", "basicServicePackageName": "Basic-1G",
               "createdTime": "2025-01-01T00:00:00+0000", "activatedTime": "2025-03-01T00:00:00+0000", "custom1": "truck-1"},
              {"iccid": "8944000000000000027", "imsi": "234150000000002", "msisdn": "447700900002", "status": "INVENTORY",
               "accountName": "Postpaid", "basicServicePackageName": "Pool-Basic"}
            ]
          }]
        }
        """

    /// ``minimalYAML`` with the first occurrence of `old` replaced by `new`; fails the test when `old` is not there.
    static func minimalYAML(replacing old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let range = try #require(minimalYAML.range(of: old), "the minimal seed has no '\(old)'", sourceLocation: sourceLocation)
        return minimalYAML.replacingCharacters(in: range, with: new)
    }

    /// The error loading `yaml` throws; fails the test when it loads.
    static func refusal(of yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> SeedError? {
        do {
            _ = try SeedLoader.load(yaml: yaml, source: "bad.yaml")
            Issue.record("the seed was accepted", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }
}

/// A fixture that could not be set up.
struct SeedFixtureError: Error, CustomStringConvertible {
    /// What went wrong.
    var message: String
    /// The message.
    var description: String { message }
}
