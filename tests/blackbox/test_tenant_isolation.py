"""Tenant isolation: another enterprise's object answers exactly as an absent one, for every operation.

The world: the default seed's demo enterprise (the template of tenants created through the control
plane), then "Alpha Corp" (the first enterprise, with accounts, plans and a pool of its own names,
and SIMs, a batch job, an SMS, change logs and usage made for the test). "Bravo" (the second
enterprise) is created through the control plane, so it has the demo enterprise's accounts and none
of Alpha's objects.

For every operation of openapi/smarthub.yaml that addresses an object, Bravo's key on Alpha's object
and Alpha's key on an absent object of the same shape must give the same answer apart from the
identifier, and Bravo's calls must change nothing of Alpha's. Lists seen with Bravo's key contain none
of Alpha's objects. The operations come from the contract: one that is neither swept, nor a list, nor
listed as addressing no object fails the test.
"""

import copy
import json
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
import yaml

from conftest import REPO, start_server, stop_server

ALPHA = "Alpha Corp"
ALPHA_KEY = "alpha-key-5e1d7c3b9a2f4086"
BRAVO = "Bravo"
BRAVO_KEY = "bravo-key-8c2e6a4f1b3d5079"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")

# Operations that address no object of an enterprise, with the reason.
NOT_OBJECT_ADDRESSED = {
    "getRoot": "links to the endpoint groups, the same for every enterprise",
    "getOpenApiSpec": "the contract, the same for every enterprise and open without a key",
}


def luhn_digit(digits: str) -> str:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def absent_iccid(template: str, serial: int) -> str:
    """A valid ICCID of the same shape as `template` that no SIM has."""
    body = template[:-1]
    body = body[:-6] + f"{999000 + serial:06d}"
    return body + luhn_digit(body)


def renamed_enterprise(demo: dict) -> dict:
    """Alpha Corp: the demo enterprise's catalog under names of its own, without SIMs."""
    alpha = copy.deepcopy(demo)
    alpha["name"] = ALPHA
    alpha["apiKey"] = ALPHA_KEY
    alpha["sims"] = []
    for account in alpha["accounts"]:
        account["name"] = "Alpha " + account["name"]
        for pool in account.get("sharePools", []):
            pool["name"] = "Alpha-" + pool["name"]
        for package in account.get("servicePackages", []):
            package["name"] = "Alpha-" + package["name"]
            if "sharePoolName" in package:
                package["sharePoolName"] = "Alpha-" + package["sharePoolName"]
    return alpha


class Client:
    def __init__(self, base_url: str):
        self.base_url = base_url

    def call(self, method: str, path: str, key: str | None, body=None, params=None) -> requests.Response:
        headers = {"X-API-Key": key} if key else {}
        return requests.request(method, self.base_url + path, headers=headers, json=body, params=params, timeout=30)

    def control(self, method: str, path: str, body=None, params=None) -> dict:
        reply = requests.request(method, self.base_url + path, json=body, params=params, timeout=30)
        assert reply.status_code < 300, (method, path, reply.status_code, reply.text)
        return reply.json() if reply.content else {}

    def alpha_state(self) -> dict:
        state = self.control("GET", "/_sim/state")
        [alpha] = [enterprise for enterprise in state["enterprises"] if enterprise["enterprise"]["name"] == ALPHA]
        return alpha


@pytest.fixture(scope="module")
def world():
    """A server with Alpha's objects and Bravo, and the identifiers of Alpha's objects and of absent ones."""
    seed = yaml.safe_load((REPO / "seed-data" / "default.yaml").read_text())
    seed["enterprises"].append(renamed_enterprise(seed["enterprises"][0]))
    seed_file = Path(tempfile.mkdtemp(prefix="isolation-")) / "seed.json"
    seed_file.write_text(json.dumps(seed))
    server = start_server("--clock", "manual", "--seed", str(seed_file))
    client = Client(server.base_url)
    try:
        client.control("POST", "/_sim/enterprises", {"name": BRAVO, "apiKey": BRAVO_KEY, "seed": "empty"})
        made = client.control(
            "POST", "/_sim/sims", {"enterpriseName": ALPHA, "accountName": "Alpha Fleet Prepaid", "count": 3, "status": "ACTIVATED"}
        )
        active, suspended, retired = [sim["giccid"] for sim in made["sims"]]
        pooled = client.control(
            "POST",
            "/_sim/sims",
            {
                "enterpriseName": ALPHA,
                "accountName": "Alpha Metering Postpaid",
                "status": "ACTIVATED",
                "basicServicePackageName": "Alpha-Postpaid-Pool-Basic",
            },
        )["sims"][0]["giccid"]
        for giccid, action in ((suspended, "suspend"), (retired, "suspend"), (retired, "retire")):
            assert client.call("POST", f"/v1/global-sims/{giccid}/{action}", ALPHA_KEY).status_code == 200
        client.control("POST", f"/_sim/sims/{active}/sessions", {"enterpriseName": ALPHA, "mcc": "460", "bytes": 1000})
        client.call("PUT", f"/v1/global-sims/{active}/custom-field", ALPHA_KEY, {"custom1": "alpha"})
        job = client.call("POST", "/v1/batchJobs/global-sims/activate", ALPHA_KEY, {"giccids": [suspended]}).json()["jobId"]
        sms = client.call("POST", "/v1/mt-sms", ALPHA_KEY, {"toGiccid": active, "content": "hello"}).json()["smsMsgId"]
        client.control("POST", "/_sim/clock/advance", {"by": "1h"})
        # Put the suspended SIM back, for the retire call below.
        assert client.call("POST", f"/v1/global-sims/{suspended}/suspend", ALPHA_KEY).status_code == 200
        alpha = {
            "giccid": active,
            "suspended": suspended,
            "retired": retired,
            "pooled": pooled,
            "account": "Alpha Fleet Prepaid",
            "basic": "Alpha-Prepaid-Basic-5G",
            "addon": "Alpha-Prepaid-Addon-500M",
            "pool": "Alpha-Metering-Pool-10G",
            "job": job,
            "sms": sms,
            # Plans of Bravo's own, for Bravo's calls.
            "ownBasic": "Prepaid-Basic-5G",
            "ownAddon": "Prepaid-Addon-500M",
        }
        absent = {
            "giccid": absent_iccid(active, 1),
            "suspended": absent_iccid(active, 2),
            "retired": absent_iccid(active, 3),
            "pooled": absent_iccid(active, 4),
            "account": "Alpha Nowhere Prepaid",
            "basic": "Alpha-Nowhere-Basic-5G",
            "addon": "Alpha-Nowhere-Addon-500M",
            "pool": "Alpha-Nowhere-Pool-10G",
            "job": job[::-1],
            "sms": sms[::-1],
            "ownBasic": "Alpha-Prepaid-Basic-5G",
            "ownAddon": "Alpha-Prepaid-Addon-500M",
        }
        yield client, alpha, absent
    finally:
        stop_server(server)


def segment(value: str) -> str:
    return quote(value, safe="")


# Every object-addressing operation: its request, built from the identifiers of one enterprise's
# objects (Alpha's, or absent ones). A call that takes two objects (a SIM and a plan) gets both.
SWEPT = {
    "getAccount": lambda o: ("GET", f"/v1/account/{segment(o['account'])}", None, None),
    "listServicePackages": lambda o: ("GET", f"/v1/{segment(o['account'])}/servicePackages", None, None),
    "getSim": lambda o: ("GET", f"/v1/global-sims/{o['giccid']}", None, None),
    "getCustomFields": lambda o: ("GET", f"/v1/global-sims/{o['giccid']}/custom-field", None, None),
    "updateCustomFields": lambda o: ("PUT", f"/v1/global-sims/{o['giccid']}/custom-field", {"custom1": "bravo"}, None),
    "activateSim": lambda o: ("POST", f"/v1/global-sims/{o['suspended']}/activate", None, None),
    "deactivateSim": lambda o: ("POST", f"/v1/global-sims/{o['giccid']}/deactivate", None, None),
    "suspendSim": lambda o: ("POST", f"/v1/global-sims/{o['giccid']}/suspend", None, None),
    "retireSim": lambda o: ("POST", f"/v1/global-sims/{o['suspended']}/retire", None, None),
    "subscribeServicePackage": lambda o: ("POST", f"/v1/global-sims/{o['giccid']}/servicePackages", {"servicePackageName": o["addon"]}, None),
    "changeBasicServicePackage": lambda o: ("PUT", f"/v1/global-sims/{o['giccid']}/basicServicePackage", {"servicePackageName": o["basic"]}, None),
    "updateApnStatus": lambda o: ("PUT", f"/v1/global-sims/{o['giccid']}/apn-status", {"status": "DISABLED"}, None),
    "createActivateJob": lambda o: ("POST", "/v1/batchJobs/global-sims/activate", {"giccids": [o["suspended"]]}, None),
    "createDeactivateJob": lambda o: ("POST", "/v1/batchJobs/global-sims/deactivate", {"giccids": [o["giccid"]]}, None),
    "createRetireJob": lambda o: ("POST", "/v1/batchJobs/global-sims/retire", {"giccids": [o["suspended"]]}, None),
    "createBasicServicePackageJob": lambda o: (
        "POST",
        "/v1/batchJobs/global-sims/basicServicePackage",
        {"giccids": [o["giccid"]], "servicePackageName": o["basic"]},
        None,
    ),
    # The same with a plan each enterprise has of its own, so that the SIM is what is looked up.
    "subscribeServicePackage/own plan": lambda o: (
        "POST",
        f"/v1/global-sims/{o['giccid']}/servicePackages",
        {"servicePackageName": o["ownAddon"]},
        None,
    ),
    "changeBasicServicePackage/own plan": lambda o: (
        "PUT",
        f"/v1/global-sims/{o['giccid']}/basicServicePackage",
        {"servicePackageName": o["ownBasic"]},
        None,
    ),
    "createBasicServicePackageJob/own plan": lambda o: (
        "POST",
        "/v1/batchJobs/global-sims/basicServicePackage",
        {"giccids": [o["giccid"]], "servicePackageName": o["ownBasic"]},
        None,
    ),
    "getBatchJob": lambda o: ("GET", f"/v1/batchJobs/{o['job']}", None, None),
    "sendMtSms": lambda o: ("POST", "/v1/mt-sms", {"toGiccid": o["giccid"], "content": "hi"}, None),
    "getMtSms": lambda o: ("GET", f"/v1/mt-sms/{o['sms']}", None, None),
    "getSharePool": lambda o: ("GET", f"/v1/sharePools/{segment(o['pool'])}", None, None),
    # Lists filtered on one object: an empty page either way.
    "listSims": lambda o: ("GET", "/v1/global-sims", None, {"iccid": o["giccid"]}),
    "listChangeLogs": lambda o: ("GET", "/v1/global-sims/changeLogs", None, {"giccid": o["suspended"]}),
}
# Operations whose answer is a list (or a summary) of the enterprise's objects: with Bravo's key it
# names none of Alpha's. `names` picks the names an answer shows.
LISTED = {
    "getEnterprise": ("/v1/enterprise", lambda body: body["accounts"]),
    "listSims": ("/v1/global-sims?size=1000", lambda body: [sim["giccid"] for sim in body["sims"]]),
    "listChangeLogs": ("/v1/global-sims/changeLogs?size=1000", lambda body: [entry["giccid"] for entry in body["changeLogs"]]),
    "listSharePools": ("/v1/sharePools?size=1000", lambda body: [pool["name"] for pool in body["sharePools"]]),
    "getCountryStatistics": ("/v1/global-sims/statistics/countries?size=1000", lambda body: [row["countryCode"] for row in body["countries"]]),
}
# Asynchronous operations: the job they record must end the same way too.
BATCH = {"createActivateJob", "createDeactivateJob", "createRetireJob", "createBasicServicePackageJob"}


def operation_of(label: str) -> str:
    """The operationId of a sweep entry ("changeBasicServicePackage/own plan" is a variant)."""
    return label.split("/")[0]


def contract_operations() -> set[str]:
    document = yaml.safe_load((REPO / "openapi" / "smarthub.yaml").read_text())
    return {operation["operationId"] for item in document["paths"].values() for method, operation in item.items() if method in HTTP_METHODS}


def normalized(reply: requests.Response, identifiers: dict) -> tuple:
    """Status, content type and body, with the identifiers of the objects replaced by their role."""
    text = reply.text
    for role, value in sorted(identifiers.items(), key=lambda item: -len(item[1])):
        text = text.replace(json.dumps(value)[1:-1], f"<{role}>")
    body = json.loads(text) if text else None
    return reply.status_code, reply.headers.get("Content-Type"), body


def test_every_operation_is_swept_or_excused():
    operations = contract_operations()
    handled = {operation_of(label) for label in SWEPT} | set(LISTED) | set(NOT_OBJECT_ADDRESSED)
    assert not operations - handled, f"operations neither swept nor excused: {sorted(operations - handled)}"
    assert not handled - operations, f"operations not in the contract: {sorted(handled - operations)}"


def test_another_enterprises_objects_answer_as_absent_ones(world):
    client, alpha, absent = world
    before = client.alpha_state()
    foreign_replies = {}
    for operation, request in SWEPT.items():
        method, path, body, params = request(alpha)
        foreign_replies[operation] = client.call(method, path, BRAVO_KEY, body, params)
    client.control("POST", "/_sim/clock/advance", {"by": "1h"})
    assert client.alpha_state() == before, "Bravo's calls changed Alpha's objects"

    mismatches = []
    for operation, request in SWEPT.items():
        method, path, body, params = request(absent)
        absent_reply = client.call(method, path, ALPHA_KEY, body, params)
        foreign_reply = foreign_replies[operation]
        foreign, missing = normalized(foreign_reply, alpha), normalized(absent_reply, absent)
        if operation_of(operation) in BATCH and foreign_reply.status_code == absent_reply.status_code == 201:
            # The jobs' own ids differ; what they did must not.
            foreign_ids = alpha | {"job": foreign_reply.json()["jobId"]}
            absent_ids = absent | {"job": absent_reply.json()["jobId"]}
            client.control("POST", "/_sim/clock/advance", {"by": "1h"})
            foreign = (
                normalized(foreign_reply, foreign_ids),
                normalized(client.call("GET", f"/v1/batchJobs/{foreign_ids['job']}", BRAVO_KEY), foreign_ids),
            )
            missing = (
                normalized(absent_reply, absent_ids),
                normalized(client.call("GET", f"/v1/batchJobs/{absent_ids['job']}", ALPHA_KEY), absent_ids),
            )
            foreign, missing = strip_times(foreign), strip_times(missing)
        if foreign != missing:
            mismatches.append(f"{operation}:\n  another enterprise's: {foreign}\n  absent:               {missing}")
    assert not mismatches, "\n".join(mismatches)


def strip_times(value):
    """The value without `createdTime` (two jobs are recorded at different times)."""
    if isinstance(value, dict):
        return {key: strip_times(item) for key, item in value.items() if key != "createdTime"}
    if isinstance(value, (list, tuple)):
        return type(value)(strip_times(item) for item in value)
    return value


def test_lists_of_another_enterprise_show_none_of_its_objects(world):
    client, alpha, _ = world
    alpha_names = {value for role, value in alpha.items() if not role.startswith("own")} | {"Alpha Metering Postpaid", "CN"}
    for operation, (path, names) in LISTED.items():
        seen_by_alpha = names(client.call("GET", path, ALPHA_KEY).json())
        assert set(seen_by_alpha) & alpha_names, f"{operation}: the test's objects are not in Alpha's answer {seen_by_alpha}"
        seen_by_bravo = names(client.call("GET", path, BRAVO_KEY).json())
        assert not set(seen_by_bravo) & alpha_names, f"{operation}: Bravo sees {sorted(set(seen_by_bravo) & alpha_names)}"
