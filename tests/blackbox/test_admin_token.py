"""With `--admin-token T`, every operation of openapi/control.yaml needs `Authorization: Bearer T`.

control-plane.md: "when the server is started with --admin-token T it requires Authorization: Bearer
T". For every operation of the contract (read from the file, so that a new one is covered too), a call
without the token, or with a wrong one, is refused with the 401 problem and changes nothing; the same
call with the token is let through. The only exceptions are listed in OPEN, with their reason, and are
checked to be open.
"""

import json
from urllib.parse import quote

import pytest
import requests
import yaml

from conftest import REPO, start_server, stop_server

TOKEN = "admin-7f3c2a9d5e1b4068"
WRONG = {
    "no header": {},
    "a wrong token": {"Authorization": "Bearer not-the-token"},
    "the token without Bearer": {"Authorization": TOKEN},
    "another scheme": {"Authorization": f"Basic {TOKEN}"},
}
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
# Operations open without the token, with the reason.
OPEN = {
    "getDashboard": "the dashboard's page holds no data; it asks for the token and sends it with its calls",
    "getDashboardAsset": "the dashboard's stylesheet and script hold no data",
}
# An ACTIVATED SIM of the default seed.
GICCID = "8944102015031128875"
# Bodies and path parameters that make each call valid; an operation not named here gets no body
# and "x" for its path parameters (it must still be refused without the token).
BODIES = {
    "setClock": {"mode": "manual"},
    "advanceClock": {"by": "1s"},
    "createEnterprise": {"name": "Token Team"},
    "createSims": {"accountName": "Fleet Prepaid"},
    "recordSession": {"mcc": "234", "bytes": 1},
    "sendMoSms": {"content": "hello"},
    "setTraffic": {"enabled": False},
    "setWebhook": {"url": "http://127.0.0.1:9/hooks"},
    "setSettings": {},
    "createFault": {"operation": "activate", "outcome": "FAIL"},
    "saveSnapshot": {"name": "token-snapshot"},
}
PATH_PARAMETERS = {"giccid": GICCID, "name": "Token Team", "eventId": "x", "id": "x", "asset": "index.html"}
PATH_PARAMETERS_BY_OPERATION = {"restoreSnapshot": {"name": "token-snapshot"}, "deleteSnapshot": {"name": "token-snapshot"}}


def control_operations() -> list[tuple[str, str, str]]:
    """(operationId, method, path) for every operation of the control contract, in file order."""
    document = yaml.safe_load((REPO / "openapi" / "control.yaml").read_text())
    return [
        (operation["operationId"], method.upper(), path)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    ]


def concrete(operation_id: str, path: str) -> str:
    parameters = PATH_PARAMETERS | PATH_PARAMETERS_BY_OPERATION.get(operation_id, {})
    for name, value in parameters.items():
        path = path.replace("{" + name + "}", quote(value, safe=""))
    return path


@pytest.fixture(scope="module")
def guarded():
    server = start_server("--clock", "manual", "--admin-token", TOKEN)
    yield server
    stop_server(server)


def call(server, method: str, path: str, headers: dict, body=None) -> requests.Response:
    return requests.request(method, server.base_url + path, headers=headers, json=body, timeout=30)


def world(server) -> tuple:
    """Everything a control call could change, read with the token."""
    authorized = {"Authorization": f"Bearer {TOKEN}"}
    return tuple(call(server, "GET", path, authorized).text for path in ("/_sim/state", "/_sim/state/snapshots", "/_sim/clock"))


def test_every_control_operation_needs_the_admin_token(guarded):
    refused_wrongly, let_through = [], []
    for operation_id, method, path in control_operations():
        target = concrete(operation_id, path)
        body = BODIES.get(operation_id)
        if operation_id == "putState":
            body = json.loads(call(guarded, "GET", "/_sim/state", {"Authorization": f"Bearer {TOKEN}"}).text)
        if operation_id in OPEN:
            reply = call(guarded, method, target, {}, body)
            if reply.status_code != 200:
                refused_wrongly.append(f"{operation_id} (open: {OPEN[operation_id]}) without the token: {reply.status_code}")
            continue
        before = world(guarded)
        for what, headers in WRONG.items():
            reply = call(guarded, method, target, headers, body)
            problem = reply.json() if reply.headers.get("Content-Type") == "application/problem+json" else None
            if reply.status_code != 401 or problem != {
                "type": "about:blank",
                "title": "Invalid admin token",
                "status": 401,
                "detail": "send Authorization: Bearer <admin token>",
            }:
                refused_wrongly.append(f"{operation_id} with {what}: {reply.status_code} {reply.text[:200]}")
        if world(guarded) != before:
            refused_wrongly.append(f"{operation_id}: a refused call changed the world")
        reply = call(guarded, method, target, {"Authorization": f"Bearer {TOKEN}"}, body)
        if reply.status_code == 401 or reply.status_code >= 500:
            let_through.append(f"{operation_id} with the token: {reply.status_code} {reply.text[:200]}")
    assert not refused_wrongly, "\n".join(refused_wrongly)
    assert not let_through, "\n".join(let_through)
