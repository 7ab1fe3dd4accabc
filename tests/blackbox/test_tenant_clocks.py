"""Clocks per tenant: tenants with `"clock": "own"` move time without touching each other."""

import http.server
import json
import signal
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import requests

from conftest import start_server, stop_server

START = "2025-03-15T08:00:00+0000"
FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def later(hours: int) -> str:
    return (datetime.strptime(START, FORMAT) + timedelta(hours=hours)).strftime(FORMAT)


class Receiver(http.server.BaseHTTPRequestHandler):
    """Keeps each push with the signature timestamp it came with."""

    received: list = []
    lock = threading.Lock()

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with Receiver.lock:
            Receiver.received.append((self.path, body, self.headers.get("X-Smarthub-Timestamp")))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *arguments):
        pass


def pushes_to(path: str) -> list:
    with Receiver.lock:
        return [(push, stamp) for (at, push, stamp) in Receiver.received if at == path]


def start_receiver():
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    return receiver


def make_tenant(server, name: str, receiver=None, clock: str = "own") -> str:
    made = requests.post(f"{server.base_url}/_sim/enterprises", json={"name": name, "clock": clock}, timeout=10)
    assert made.status_code == 201, made.text
    if receiver:
        hook = {"url": f"http://127.0.0.1:{receiver.server_port}/{name}", "secret": "s", "enterpriseName": name}
        assert requests.put(f"{server.base_url}/_sim/webhooks", json=hook, timeout=10).status_code == 200
    return made.json()["apiKey"]


def advance(server, name: str | None, by: str) -> str:
    body = {"by": by, **({"enterpriseName": name} if name else {})}
    reply = requests.post(f"{server.base_url}/_sim/clock/advance", json=body, timeout=120)
    assert reply.status_code == 200, reply.text
    return reply.json()["now"]


def clock_of(server, name: str | None) -> dict:
    return requests.get(f"{server.base_url}/_sim/clock", params={"enterpriseName": name} if name else {}, timeout=10).json()


def pending_work(server, key: str) -> tuple[str, str]:
    """A batch job on two ACTIVATED SIMs and an SMS to a third, both due later on the tenant's clock."""
    activated = [sim["giccid"] for sim in server.get("/v1/global-sims?status=ACTIVATED&size=3", key=key).json()["sims"]]
    job = server.post("/v1/batchJobs/global-sims/deactivate", key=key, json={"giccids": activated[:2]})
    sms = server.post("/v1/mt-sms", key=key, json={"toGiccid": activated[2], "content": "hello"})
    assert job.status_code in (200, 201) and sms.status_code in (200, 201), (job.text, sms.text)
    return job.json()["jobId"], sms.json()["smsMsgId"]


def activated_prepaid(server, key: str) -> int:
    return server.get("/v1/global-sims?status=ACTIVATED&accountName=Fleet%20Prepaid&size=1", key=key).json()["total"]


def test_advancing_one_own_clock_thirty_days_leaves_another_own_clock_tenant_untouched():
    receiver = start_receiver()
    server = start_server("--clock", "manual")
    try:
        # Given two own-clock tenants, each with a webhook, a pending batch job and SMS
        moved, still = make_tenant(server, "moved", receiver), make_tenant(server, "still", receiver)
        moved_job, moved_sms = pending_work(server, moved)
        still_job, still_sms = pending_work(server, still)
        prepaid_before = activated_prepaid(server, still)
        # When the first is advanced 30 days
        assert advance(server, "moved", "30d") == "2025-04-14T08:00:00+0000"
        # Then its work ran: job, SMS, prepaid terms ended (SIMs deactivated), pushes at its times
        assert server.get(f"/v1/batchJobs/{moved_job}", key=moved).json()["status"] == "FINISHED"
        assert server.get(f"/v1/mt-sms/{moved_sms}", key=moved).json()["status"] == "DELIVERED"
        assert activated_prepaid(server, moved) < prepaid_before
        received = pushes_to("/moved")
        assert {push["eventType"] for push, _ in received} >= {"SIM_STATUS_CHANGE", "PREPAID_PACKAGE_EXPIRED"}
        assert all(push["enterpriseName"] == "moved" for push, _ in received)
        # And nothing of the other moved: clock, job, SMS, prepaid terms, webhook
        assert clock_of(server, "still") == {"now": START, "mode": "manual", "scale": 1, "clock": "own"}
        assert server.get(f"/v1/batchJobs/{still_job}", key=still).json()["status"] == "PROCESSING"
        assert server.get(f"/v1/mt-sms/{still_sms}", key=still).json()["status"] == "PENDING"
        assert activated_prepaid(server, still) == prepaid_before
        assert pushes_to("/still") == []
        assert clock_of(server, None)["now"] == START
    finally:
        stop_server(server)
        receiver.shutdown()


def test_eight_own_clocks_advanced_at_once_each_end_where_their_own_clock_says():
    receiver = start_receiver()
    server = start_server("--clock", "manual")
    try:
        # Given eight own-clock tenants, each with a batch job and a webhook
        names = [f"parallel-{index}" for index in range(1, 9)]
        keys = {name: make_tenant(server, name, receiver) for name in names}
        jobs = {name: pending_work(server, keys[name])[0] for name in names}
        # When all are advanced at the same time, tenant k by k hours
        with ThreadPoolExecutor(max_workers=8) as pool:
            ends = dict(zip(names, pool.map(lambda pair: advance(server, pair[1], f"{pair[0]}h"), enumerate(names, start=1))))
        # Then each ends on its own time, its job done, its pushes its own and stamped on its clock
        for hours, name in enumerate(names, start=1):
            assert ends[name] == later(hours)
            assert clock_of(server, name)["now"] == later(hours)
            assert server.get(f"/v1/batchJobs/{jobs[name]}", key=keys[name]).json()["status"] == "FINISHED"
            received = pushes_to(f"/{name}")
            assert len([push for push, _ in received if push["eventType"] == "SIM_STATUS_CHANGE"]) == 2
            assert all(push["enterpriseName"] == name for push, _ in received)
            end = datetime.strptime(later(hours), FORMAT).timestamp()
            assert all(int(stamp) <= end for _, stamp in received)
        assert clock_of(server, None)["now"] == START
    finally:
        stop_server(server)
        receiver.shutdown()


def test_a_shared_clock_tenant_moves_with_unscoped_advances_and_an_own_clock_tenant_does_not():
    server = start_server("--clock", "manual")
    try:
        shared, own = make_tenant(server, "shared", clock="shared"), make_tenant(server, "own")
        shared_sms, own_sms = pending_work(server, shared)[1], pending_work(server, own)[1]
        assert advance(server, None, "1h") == later(1)
        assert clock_of(server, "shared") == {"now": later(1), "mode": "manual", "scale": 1, "clock": "shared"}
        assert server.get(f"/v1/mt-sms/{shared_sms}", key=shared).json()["status"] == "DELIVERED"
        assert clock_of(server, "own")["now"] == START
        assert server.get(f"/v1/mt-sms/{own_sms}", key=own).json()["status"] == "PENDING"
        listed = {e["name"]: e["clock"] for e in requests.get(f"{server.base_url}/_sim/enterprises", timeout=10).json()["enterprises"]}
        assert listed["shared"] == {"kind": "shared", "now": later(1), "mode": "manual", "scale": 1}
        assert listed["own"] == {"kind": "own", "now": START, "mode": "manual", "scale": 1}
    finally:
        stop_server(server)


def test_export_import_and_a_kill_with_a_data_folder_keep_each_clock_and_its_pending_work(tmp_path):
    data = tmp_path / "data"
    server = start_server("--clock", "manual", "--data-dir", str(data))
    try:
        # Given an own-clock tenant a day ahead, with a batch job and an SMS pending on its clock
        own = make_tenant(server, "own")
        assert advance(server, "own", "1d") == later(24)
        job, sms = pending_work(server, own)
        state = requests.get(f"{server.base_url}/_sim/state", timeout=30).json()
    finally:
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=10)

    # When the server restarts from its data folder after a kill
    restarted = start_server("--clock", "manual", "--data-dir", str(data))
    try:
        # Then the tenant's clock reads the same and its work is still pending until its clock moves
        assert clock_of(restarted, "own") == {"now": later(24), "mode": "manual", "scale": 1, "clock": "own"}
        assert advance(restarted, None, "1h") == later(1)
        assert restarted.get(f"/v1/mt-sms/{sms}", key=own).json()["status"] == "PENDING"
        assert restarted.get(f"/v1/batchJobs/{job}", key=own).json()["status"] == "PROCESSING"
        assert advance(restarted, "own", "10s") == (datetime.strptime(later(24), FORMAT) + timedelta(seconds=10)).strftime(FORMAT)
        assert restarted.get(f"/v1/mt-sms/{sms}", key=own).json()["status"] == "DELIVERED"
        assert restarted.get(f"/v1/batchJobs/{job}", key=own).json()["status"] == "FINISHED"
    finally:
        stop_server(restarted)

    # And a state document read back elsewhere gives the same clock and pending work
    fresh = start_server("--clock", "manual")
    try:
        assert requests.put(f"{fresh.base_url}/_sim/state", json=state, timeout=30).status_code == 200
        assert clock_of(fresh, "own")["now"] == later(24)
        assert clock_of(fresh, None)["now"] == START
        assert fresh.get(f"/v1/mt-sms/{sms}", key=own).json()["status"] == "PENDING"
        advance(fresh, "own", "10s")
        assert fresh.get(f"/v1/mt-sms/{sms}", key=own).json()["status"] == "DELIVERED"
    finally:
        stop_server(fresh)


def test_replay_with_jobs_runs_scenarios_side_by_side_to_the_serial_report(tmp_path):
    from conftest import REPO, server_binary

    examples = sorted(str(path.relative_to(REPO)) for path in (REPO / "scenarios" / "examples").glob("*.yaml"))
    assert len(examples) >= 5

    def replay(*arguments: str):
        return subprocess.run([str(server_binary()), "replay", *arguments], capture_output=True, text=True, timeout=600, cwd=REPO)

    serial = replay(*examples, "--junit", str(tmp_path / "serial.xml"))
    parallel = replay(*examples, "--jobs", "4", "--junit", str(tmp_path / "parallel.xml"))
    assert serial.returncode == 0, serial.stdout + serial.stderr
    assert parallel.returncode == 0, parallel.stdout + parallel.stderr
    assert parallel.stdout == serial.stdout
    assert (tmp_path / "parallel.xml").read_bytes() == (tmp_path / "serial.xml").read_bytes()
    assert replay(examples[0], "--jobs", "0").returncode != 0
