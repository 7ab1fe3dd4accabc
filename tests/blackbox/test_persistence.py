"""With --data-dir, on a 100k-SIM world: every answered change survives a SIGKILL (once in a test,
ten times in a row with bench/kill9-durability), pending work resumes after a restart, and a write
that fails is undone and answered 503 while the folder cannot be written."""

import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests

from conftest import DEMO_KEY, REPO, server_binary, start_server, stop_server

KEY = {"X-API-Key": DEMO_KEY}
SIMS = "100000"
LARGE = ("--generate-sims", SIMS)


def start_durable(data: Path, *arguments: str):
    return start_server("--clock", "manual", *LARGE, "--data-dir", str(data), *arguments, ready_seconds=180)


def test_every_answered_change_survives_a_kill_in_the_middle_of_a_write_load(tmp_path):
    data = tmp_path / "data"
    server = start_durable(data)
    base = server.base_url
    assert "Data folder:" in server.banner
    activated = [sim["giccid"] for sim in server.get("/v1/global-sims?status=ACTIVATED&size=20").json()["sims"]]
    targets, writable = activated[:3], activated[3:]

    # Pending work before the load: a batch job and an SMS, both due later on the clock.
    job = server.post("/v1/batchJobs/global-sims/deactivate", json={"giccids": targets}).json()["jobId"]
    sms = server.post("/v1/mt-sms", json={"toGiccid": writable[0], "content": "before the crash"}).json()["smsMsgId"]

    answered: dict[str, str] = {}  # giccid -> the last custom1 value answered 200
    in_flight: dict[str, str] = {}  # giccid -> the value sent when the server died
    created: list[str] = []
    enough = threading.Event()

    def write_load():
        session = requests.Session()
        index = 0
        while True:
            giccid = writable[index % len(writable)]
            value = f"write-{index}"
            in_flight[giccid] = value
            try:
                reply = session.put(f"{base}/v1/global-sims/{giccid}/custom-field", json={"custom1": value}, headers=KEY, timeout=10)
                if index % 10 == 0:
                    made = session.post(f"{base}/_sim/sims", json={"accountName": "Metering Postpaid", "count": 1}, timeout=10)
                    if made.status_code == 201:
                        created.extend(sim["giccid"] for sim in made.json()["sims"])
            except requests.RequestException:
                return
            if reply.status_code == 200:
                answered[giccid] = value
                del in_flight[giccid]
            index += 1
            if index == 150:
                enough.set()

    load = threading.Thread(target=write_load)
    load.start()
    assert enough.wait(timeout=120), "the write load did not get going"
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(timeout=10)
    load.join(timeout=30)
    assert len(answered) == len(writable)

    restarted = start_durable(data)
    try:
        # Every answered write is there (or the one that was in flight when the server died, which came after it).
        for giccid, value in answered.items():
            custom1 = restarted.get(f"/v1/global-sims/{giccid}/custom-field").json()["custom1"]
            assert custom1 in (value, in_flight.get(giccid)), giccid
        for giccid in created:
            assert restarted.get(f"/v1/global-sims/{giccid}").status_code == 200, giccid
        assert restarted.get("/v1/global-sims?size=1").json()["total"] >= 50 + len(created)

        # The pending work resumes: still pending until the clock moves, then done.
        assert restarted.get(f"/v1/batchJobs/{job}").json()["status"] == "PROCESSING"
        assert restarted.get(f"/v1/mt-sms/{sms}").json()["status"] == "PENDING"
        assert restarted.post("/_sim/clock/advance", key=None, json={"by": "10s"}).status_code == 200
        finished = restarted.get(f"/v1/batchJobs/{job}").json()
        assert finished["status"] == "FINISHED"
        assert [task["status"] for task in finished["tasks"]] == ["SUCCESS"] * len(targets)
        assert restarted.get(f"/v1/mt-sms/{sms}").json()["status"] == "DELIVERED"
    finally:
        stop_server(restarted)


def test_a_new_data_folder_starts_from_the_seed_and_a_reset_is_saved_too(tmp_path):
    data = tmp_path / "data"
    server = start_durable(data)
    try:
        assert server.post("/_sim/enterprises", key=None, json={"name": "kept"}).status_code == 201
        # A reset writes the whole world again (100k SIMs): slower than a change of one SIM.
        assert requests.post(server.base_url + "/_sim/reset", timeout=180).status_code == 200
    finally:
        stop_server(server)
    again = start_durable(data)
    try:
        assert again.post("/_sim/enterprises", key=None, json={"name": "kept"}).status_code == 201, "the reset removed it, for good"
        assert again.get("/v1/global-sims?size=1").json()["total"] == 50 + int(SIMS)
    finally:
        stop_server(again)


def test_no_acknowledged_write_is_lost_across_ten_kills_under_write_load():
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "kill9-durability"), str(server_binary()), "--sims", SIMS, "--cycles", "10"],
        capture_output=True, text=True, timeout=1500,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert '"lostWrites": 0' in run.stdout


def test_a_write_that_cannot_be_saved_is_undone_and_changes_wait_for_the_folder(tmp_path):
    if shutil.which("chattr") is None:
        pytest.skip("chattr is needed to make the database read-only")
    data = tmp_path / "data"
    server = start_durable(data)
    wal = data / "smarthub-sim.sqlite-wal"
    giccid = server.get("/v1/global-sims?status=ACTIVATED&size=1").json()["sims"][0]["giccid"]
    path = f"/v1/global-sims/{giccid}/custom-field"
    try:
        assert requests.put(server.base_url + path, json={"custom1": "saved"}, headers=KEY, timeout=30).status_code == 200
        if subprocess.run(["chattr", "+i", str(wal)], capture_output=True).returncode != 0:
            pytest.skip("this file system or user cannot make a file immutable")
        try:
            # The write fails: the answer is a 503 problem and the change is undone.
            failed = requests.put(server.base_url + path, json={"custom1": "lost"}, headers=KEY, timeout=30)
            assert failed.status_code == 503 and failed.headers["Content-Type"].startswith("application/problem+json")
            assert "undone" in failed.json()["detail"]
            assert server.get(path).json()["custom1"] == "saved"
            # While the folder cannot be written, changes are refused before they run; reads are answered.
            refused = requests.put(server.base_url + path, json={"custom1": "refused"}, headers=KEY, timeout=30)
            assert refused.status_code == 503 and "no change is accepted" in refused.json()["detail"]
            assert server.get(path).json()["custom1"] == "saved"
        finally:
            subprocess.run(["chattr", "-i", str(wal)], check=True)
        # Once it can be written again, changes are taken and kept.
        assert requests.put(server.base_url + path, json={"custom1": "after"}, headers=KEY, timeout=30).status_code == 200
    finally:
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=30)
    again = start_durable(data)
    try:
        assert again.get(path).json()["custom1"] == "after"
    finally:
        stop_server(again)
