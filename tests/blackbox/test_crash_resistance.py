"""Input at the edge of every door: a webhook URL the transport cannot reach, a receiver that
stalls, numbers at the edge of their type, a YAML alias bomb, self-contradicting state documents,
identifiers of the wrong shape. Each one gets an answer, the server keeps serving, and a refusal
leaves the world as it was."""

import copy
import socket
import subprocess
import threading
import time

import pytest
import requests

from conftest import DEMO_KEY, server_binary, start_server, stop_server

U64_MAX = 2**64 - 1
I64_MAX = 2**63 - 1


@pytest.fixture()
def server():
    running = start_server("--clock", "manual")
    yield running
    stop_server(running)


def control(server, method, path, **kwargs):
    return requests.request(method, server.base_url + "/_sim" + path, timeout=30, **kwargs)


def alive(server):
    assert server.process.poll() is None, open(server.log_path).read()[-3000:]
    assert control(server, "GET", "/health").status_code == 200


def state(server):
    reply = control(server, "GET", "/state")
    assert reply.status_code == 200
    return reply.json()


def refused_whole(server, document, expected_words):
    before = state(server)
    reply = control(server, "PUT", "/state", json=document)
    assert reply.status_code == 422, reply.text
    assert all(word in reply.text for word in expected_words), reply.text
    alive(server)
    assert state(server) == before


def demo(document):
    return next(e for e in document["enterprises"] if e["enterprise"]["apiKey"] == DEMO_KEY)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:65536/h",
        "http://127.0.0.1:99999/h",
        "http://127.0.0.1:0/h",
        "http://user:pw@127.0.0.1:9/h",
        "http://127.0.0.1:9/h\x01",
        "ftp://127.0.0.1/h",
        "http:///h",
        "http://h/" + "a" * 2048,
    ],
)
def test_a_webhook_url_the_transport_cannot_use_is_refused_and_nothing_is_pushed_to_it(server, url):
    reply = control(server, "PUT", "/webhooks", json={"url": url})
    assert reply.status_code == 422, reply.text
    assert control(server, "GET", "/webhooks").json()["webhooks"] == []
    giccid = server.get("/v1/global-sims?status=ACTIVATED&size=1").json()["sims"][0]["giccid"]
    assert server.post(f"/v1/global-sims/{giccid}/suspend").status_code == 200
    assert control(server, "POST", "/clock/advance", json={"by": "1h"}).status_code == 200
    alive(server)


def test_a_state_document_with_an_unusable_webhook_url_is_refused_whole(server):
    document = state(server)
    demo(document)["webhooks"] = [{"url": "http://127.0.0.1:65536/h", "secret": None, "eventTypes": None, "accountName": None}]
    refused_whole(server, document, ["port"])


def stalled_receiver():
    """A receiver that answers 200 with a chunked body, then sends nothing more."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held = []
    reached = threading.Event()

    def serve():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            held.append(connection)
            connection.settimeout(5)
            try:
                connection.recv(65536)
                connection.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n")
                reached.set()
            except OSError:
                pass

    threading.Thread(target=serve, daemon=True).start()
    return listener, held, reached


def push_pending_to(server, listener) -> str:
    """Points the webhook (with a 2 s push timeout) at `listener` and suspends a SIM: its push waits
    for the next advance. The SIM's giccid."""
    port = listener.getsockname()[1]
    assert control(server, "PUT", "/settings", json={"pushTimeout": "2s"}).status_code == 200
    assert control(server, "PUT", "/webhooks", json={"url": f"http://127.0.0.1:{port}/hook"}).status_code == 200
    giccid = server.get("/v1/global-sims?status=ACTIVATED&size=1").json()["sims"][0]["giccid"]
    assert server.post(f"/v1/global-sims/{giccid}/suspend").status_code == 200
    return giccid


def test_a_receiver_that_stalls_after_its_headers_is_given_up_on_within_the_push_timeout(server):
    listener, held, reached = stalled_receiver()
    try:
        giccid = push_pending_to(server, listener)
        started = time.monotonic()
        assert control(server, "POST", "/clock/advance", json={"by": "0s"}).status_code == 200
        assert time.monotonic() - started < 2 + 3
        deliveries = control(server, "GET", "/deliveries", params={"giccid": giccid}).json()["deliveries"]
        attempt = deliveries[0]["attempts"][0]
        assert attempt.get("httpStatus") is None and "timed out" in attempt["error"], attempt
        # A later advance is not queued behind the stalled one.
        started = time.monotonic()
        assert control(server, "POST", "/clock/advance", json={"by": "1s"}).status_code == 200
        assert time.monotonic() - started < 2 + 3
        alive(server)
    finally:
        listener.close()
        for connection in held:
            connection.close()


def test_a_refused_connection_fails_at_once_and_a_receiver_back_up_is_reached_at_once(server):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    assert control(server, "PUT", "/webhooks", json={"url": f"http://127.0.0.1:{port}/hook"}).status_code == 200
    giccid = server.get("/v1/global-sims?status=ACTIVATED&size=1").json()["sims"][0]["giccid"]
    assert server.post(f"/v1/global-sims/{giccid}/suspend").status_code == 200
    started = time.monotonic()
    assert control(server, "POST", "/clock/advance", json={"by": "0s"}).status_code == 200
    assert time.monotonic() - started < 2, "a refused connection waited for the timeout"
    first = control(server, "GET", "/deliveries", params={"giccid": giccid}).json()["deliveries"][0]
    assert first["attempts"][0].get("httpStatus") is None
    # The receiver comes up; the next attempt reaches it at once, with no back-off left over.
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(8)

    def answer():
        connection, _ = listener.accept()
        with connection:
            connection.settimeout(5)
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    try:
        started = time.monotonic()
        reply = control(server, "POST", f"/deliveries/{first['eventId']}/redeliver")
        assert reply.status_code == 200, reply.text
        assert time.monotonic() - started < 2
        assert reply.json()["attempts"][-1].get("httpStatus") == 204, reply.json()
    finally:
        listener.close()


@pytest.mark.parametrize("value", [U64_MAX, I64_MAX, 2**53, -1])
def test_a_pending_sequence_number_past_its_range_is_refused(server, value):
    document = state(server)
    scheduled = document["scheduled"]
    if scheduled["pending"]:
        scheduled["pending"][0]["sequence"] = value
    else:
        scheduled["nextSequence"] = value
    refused_whole(server, document, [])


@pytest.mark.parametrize("value", [U64_MAX, 2**53])
def test_a_next_tenant_serial_past_its_range_is_refused(server, value):
    document = state(server)
    document["nextTenantSerial"] = value
    refused_whole(server, document, ["nextTenantSerial"])


def test_counters_at_the_edge_of_their_type_never_stop_the_server(server):
    document = state(server)
    demo(document)["identifiers"]["serial"] = U64_MAX
    demo(document)["backgroundTraffic"]["generation"] = I64_MAX
    reply = control(server, "PUT", "/state", json=document)
    assert reply.status_code == 200, reply.text
    assert control(server, "POST", "/traffic", json={"enabled": True}).status_code == 200
    assert control(server, "POST", "/traffic", json={"enabled": False}).status_code == 200
    sims = control(server, "POST", "/sims", json={"accountName": "Fleet Prepaid", "count": 1})
    assert sims.status_code in (201, 422), sims.text
    assert control(server, "POST", "/enterprises", json={"name": "edge", "seed": "empty"}).status_code == 201
    alive(server)


@pytest.mark.parametrize("days", [10**12, 36501, 0, -1, I64_MAX])
def test_a_seed_document_with_a_validity_past_its_range_is_refused(server, days):
    seed = {
        "enterprises": [
            {
                "name": "Edge Ltd",
                "apiKey": "edge-key-0123456789",
                "accounts": [
                    {
                        "name": "Prepaid",
                        "chargeType": "PREPAID",
                        "prepaidRenewType": "AUTO",
                        "servicePackages": [
                            {"name": "P1", "type": "BASIC", "billingType": "PREPAID", "validityDays": days, "price": 1, "currency": "USD"}
                        ],
                    }
                ],
            }
        ]
    }
    before = state(server)
    reply = control(server, "PUT", "/state", json=seed)
    assert reply.status_code == 422, reply.text
    alive(server)
    assert state(server) == before


def test_a_state_document_with_a_validity_past_its_range_is_refused(server):
    document = state(server)
    package = next(iter(demo(document)["servicePackages"].values()))
    package["validityDays"] = 10**12
    refused_whole(server, document, ["validityDays"])


def test_a_state_document_repeating_an_iccid_is_refused(server):
    document = state(server)
    sims = demo(document)["sims"]
    sims.append(copy.deepcopy(sims[0]))
    refused_whole(server, document, ["repeats"])


def test_a_state_document_with_a_sim_in_an_unknown_account_or_plan_is_refused(server):
    document = state(server)
    demo(document)["sims"][0]["accountName"] = "Nobody"
    refused_whole(server, document, ["unknown account 'Nobody'"])
    document = state(server)
    demo(document)["sims"][0]["basicServicePackageName"] = "No Plan"
    refused_whole(server, document, ["unknown service package 'No Plan'"])


def test_a_state_document_with_a_queued_job_without_its_step_is_refused(server):
    giccid = server.get("/v1/global-sims?status=ACTIVATED&size=1").json()["sims"][0]["giccid"]
    job = server.post("/v1/batchJobs/global-sims/deactivate", json={"giccids": [giccid]})
    assert job.status_code == 201, job.text
    document = state(server)
    document["scheduled"]["pending"] = [p for p in document["scheduled"]["pending"] if "batchStep" not in str(p)]
    refused_whole(server, document, ["no scheduled step"])


@pytest.mark.parametrize(
    "giccid", ["x" * 900_000, "8944990000000000001x", "12", "89" + "0" * 30], ids=["900KB", "letter", "short", "long"]
)
def test_a_batch_refuses_a_giccid_of_the_wrong_shape(server, giccid):
    before = state(server)
    reply = server.post("/v1/batchJobs/global-sims/deactivate", json={"giccids": [giccid]})
    assert reply.status_code in (400, 413, 422), reply.text[:300]
    assert len(reply.content) < 10_000
    alive(server)
    assert state(server) == before


def test_a_reset_waits_for_a_running_advance_and_the_world_is_that_of_one_order(server):
    listener, held, reached = stalled_receiver()
    try:
        giccid = push_pending_to(server, listener)
        start = control(server, "GET", "/clock").json()["now"]
        results = {}
        advance = threading.Thread(target=lambda: results.update(advance=control(server, "POST", "/clock/advance", json={"by": "1s"})))
        advance.start()
        # The reset is sent once the advance is waiting on the stalled receiver.
        assert reached.wait(timeout=10)
        reset = control(server, "POST", "/reset")
        advance.join(timeout=30)
        assert reset.status_code == 200 and results["advance"].status_code == 200
        # The reset came after the advance: the clock is the seed's start, not 30 days on.
        assert control(server, "GET", "/clock").json()["now"] == reset.json()["now"]
        assert reset.json()["now"] <= start
        alive(server)
    finally:
        listener.close()
        for connection in held:
            connection.close()


LEVELS = 100_000

DEEP_SEEDS = {
    "flow sequences": "enterprises: " + "[" * LEVELS + "]" * LEVELS + "\n",
    "flow mappings": "enterprises: " + "{a: " * LEVELS + "1" + "}" * LEVELS + "\n",
    "compact sequences": "enterprises:\n" + "- " * LEVELS + "x\n",
}


@pytest.mark.parametrize("form", sorted(DEEP_SEEDS))
def test_a_seed_file_nested_a_hundred_thousand_levels_deep_is_refused_at_start(tmp_path, form):
    seed = tmp_path / "deep.yaml"
    seed.write_text(DEEP_SEEDS[form])
    started = time.monotonic()
    result = subprocess.run(
        [str(server_binary()), "serve", "--port", "0", "--seed", str(seed)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode > 0, result.stderr[-2000:]  # a refusal, not a signal
    assert "deep.yaml:" in result.stderr and "the document nests deeper than 1000 levels" in result.stderr
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("form", ["seed", "state"])
def test_a_state_body_nested_a_hundred_thousand_levels_deep_is_refused_whole(server, form):
    nested = '{"a":' * LEVELS + "1" + "}" * LEVELS
    body = '{"enterprises": ' + nested + "}" if form == "seed" else '{"format": "smarthub-sim/state", "enterprises": ' + nested + "}"
    before = state(server)
    reply = control(server, "PUT", "/state", data=body, headers={"Content-Type": "application/json"})
    assert reply.status_code == 422, reply.text
    assert "nests deeper than 1000 levels" in reply.text
    alive(server)
    assert state(server) == before


def test_a_scenario_nested_a_hundred_thousand_levels_deep_is_refused(tmp_path):
    scenario = tmp_path / "deep.yaml"
    scenario.write_text("name: deep\nsteps:\n" + "  - " + "[" * LEVELS + "]" * LEVELS + "\n")
    result = subprocess.run([str(server_binary()), "replay", str(scenario)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "deep.yaml: line 3: the document nests deeper than 1000 levels" in result.stdout
