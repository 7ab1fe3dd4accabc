"""Clients generated from the contracts with openapi-python-client: no schema dropped, every answer parsed.

The generator runs on both contracts with the project's configuration (openapi/python-client.yaml);
any warning fails the test. The Smarthub client is then imported and used against a running server:
models for the push envelope and every kind exist, a forced 503 is parsed as a problem, and a time
the client writes (RFC 3339, from a datetime) is read by the server.
"""

import importlib
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
import requests

from conftest import DEMO_KEY, REPO

GENERATOR = Path(sys.executable).parent / "openapi-python-client"
PUSH_MODELS = [
    "PushEnvelope", "SimStatusChangePush", "SimApnStatusChangePush", "MoSmsPush", "MtSmsStatusReportPush",
    "CycleUsageTrackingPush", "PrepaidPackageTrafficTrackingPush", "PrepaidPackageExpiredPush", "ImeiChangePush",
    "NoSessionConnectionPush",
]


def generate(contract: str, into: Path) -> str:
    result = subprocess.run(
        [str(GENERATOR), "generate", "--path", str(REPO / "openapi" / contract), "--meta", "none",
         "--config", str(REPO / "openapi" / "python-client.yaml"), "--output-path", str(into)],
        capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output


@pytest.fixture(scope="module")
def smarthub_client(tmp_path_factory):
    into = tmp_path_factory.mktemp("generated") / "smarthub_client"
    output = generate("smarthub.yaml", into)
    assert "Warning" not in output and "Unable to" not in output, output
    sys.path.insert(0, str(into.parent))
    try:
        yield importlib.import_module("smarthub_client")
    finally:
        sys.path.remove(str(into.parent))


def test_the_control_contract_generates_without_a_warning(tmp_path):
    output = generate("control.yaml", tmp_path / "control_client")
    assert "Warning" not in output and "Unable to" not in output, output


def test_the_push_envelope_and_every_push_kind_become_models(smarthub_client):
    models = importlib.import_module("smarthub_client.models")
    for name in PUSH_MODELS:
        assert hasattr(models, name), name
    push = models.SimStatusChangePush.from_dict({
        "eventId": "0" * 32, "eventType": "SIM_STATUS_CHANGE", "eventTime": "2025-03-15T08:00:00+0000",
        "enterpriseName": "Demo IoT Ltd", "accountName": "Fleet Prepaid", "giccid": "8944102015031128875",
        "data": {"previousStatus": "ACTIVATED", "currentStatus": "DEACTIVATED", "source": "API", "jobId": None},
    })
    assert push.data.current_status.value == "DEACTIVATED"


def test_a_generated_client_parses_answers_a_forced_503_and_sends_times_the_server_reads(smarthub_client, server):
    client_module = importlib.import_module("smarthub_client.client")
    get_sim = importlib.import_module("smarthub_client.api.sim.get_sim")
    list_change_logs = importlib.import_module("smarthub_client.api.sim.list_change_logs")
    models = importlib.import_module("smarthub_client.models")
    client = client_module.Client(base_url=server.base_url + "/v1", headers={"X-API-Key": DEMO_KEY},
                                  raise_on_unexpected_status=True)
    giccid = server.get("/v1/global-sims?status=ACTIVATED&size=1").json()["sims"][0]["giccid"]

    sim = get_sim.sync(giccid, client=client)
    assert isinstance(sim, models.SIM) and sim.giccid == giccid

    fault = requests.post(server.base_url + "/_sim/faults", json={"path": f"/v1/global-sims/{giccid}", "status": 503, "times": 1},
                          timeout=10)
    assert fault.status_code == 201
    forced = get_sim.sync_detailed(giccid, client=client)
    assert forced.status_code == 503
    assert isinstance(forced.parsed, models.Problem) and forced.parsed.status == 503

    assert server.post(f"/v1/global-sims/{giccid}/suspend").status_code == 200
    now = requests.get(server.base_url + "/_sim/clock", timeout=10).json()["now"]
    since = datetime.strptime(now, "%Y-%m-%dT%H:%M:%S%z").astimezone(timezone.utc)
    logs = list_change_logs.sync(client=client, giccid=giccid, start_time=since)
    assert isinstance(logs, models.ChangeLogList), logs
    assert [entry.after for entry in logs.change_logs] == ["DEACTIVATED"]
