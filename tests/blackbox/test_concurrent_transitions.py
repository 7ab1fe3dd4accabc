"""Many clients issue conflicting status changes on the same SIMs at once — single calls and batch
jobs over overlapping SIMs, while the clock moves — and afterwards every SIM's change log is a
valid walk of the state machine that ends in its current status, and every batch task's outcome
agrees with the log.

The state machine here is written from smarthub-api.md §2, not taken from the server's code.
"""

import random
import threading
from collections import Counter

import pytest
import requests

from conftest import DEMO_KEY, start_server, stop_server

# smarthub-api.md §2: (from, action) → to. Anything else is 422 illegal_status.
TABLE = {
    ("TEST_READY", "activate"): "ACTIVATED",
    ("TEST_READY", "test quota used up"): "ACTIVATION_READY",
    ("INVENTORY", "activate"): "ACTIVATED",
    ("ACTIVATION_READY", "activate"): "ACTIVATED",
    ("ACTIVATION_READY", "first data session"): "ACTIVATED",
    ("ACTIVATED", "deactivate"): "DEACTIVATED",
    ("ACTIVATED", "suspend"): "DEACTIVATED",
    ("DEACTIVATED", "activate"): "ACTIVATED",
    ("DEACTIVATED", "retire"): "RETIRED",
    ("ACTIVATED", "prepaid package ended"): "DEACTIVATED",
}
STEPS = {(before, after) for (before, _), after in TABLE.items()}
BATCH_ACTION = {"activate": "ACTIVATE", "deactivate": "DEACTIVATE", "retire": "RETIRE"}
TO_STATUS = {"activate": "ACTIVATED", "deactivate": "DEACTIVATED", "suspend": "DEACTIVATED", "retire": "RETIRED"}

CLIENTS = 32
CALLS_PER_CLIENT = 60
HEADERS = {"X-API-Key": DEMO_KEY}


@pytest.fixture(scope="module")
def server():
    running = start_server("--clock", "manual")
    yield running
    stop_server(running)


class Outcomes:
    """What the clients saw, shared between their threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.single_successes = Counter()  # giccid → single calls answered 200
        self.jobs = []  # (jobId, action, giccids)
        self.unexpected = []

    def add(self, what, *values):
        with self.lock:
            if what == "single":
                self.single_successes[values[0]] += 1
            elif what == "job":
                self.jobs.append(values)
            else:
                self.unexpected.append(values)


def client(base: str, index: int, hot: list[str], outcomes: Outcomes, start: threading.Barrier) -> None:
    rng = random.Random(index)
    session = requests.Session()
    session.headers.update(HEADERS)
    start.wait()
    for _ in range(CALLS_PER_CLIENT):
        roll = rng.random()
        if roll < 0.55:
            # Retire is rare: it ends a SIM's life, and the SIMs should keep changing.
            action = rng.choices(["activate", "deactivate", "suspend", "retire"], weights=[35, 30, 27, 8])[0]
            giccid = rng.choice(hot)
            reply = session.post(f"{base}/v1/global-sims/{giccid}/{action}", timeout=30)
            if reply.status_code == 200:
                if reply.json()["status"] != TO_STATUS[action]:
                    outcomes.add("unexpected", action, giccid, reply.text)
                outcomes.add("single", giccid)
            elif reply.status_code != 422 or reply.json()["errors"][0]["code"] != "illegal_status":
                outcomes.add("unexpected", action, giccid, reply.status_code, reply.text)
        elif roll < 0.8:
            action = rng.choices(list(BATCH_ACTION), weights=[45, 45, 10])[0]
            giccids = rng.sample(hot, rng.randint(2, 6))
            reply = session.post(f"{base}/v1/batchJobs/global-sims/{action}", json={"giccids": giccids}, timeout=30)
            if reply.status_code == 201:
                outcomes.add("job", reply.json()["jobId"], action, giccids)
            else:
                outcomes.add("unexpected", "batch", action, reply.status_code, reply.text)
        else:
            # The clock moves while the others call: batch tasks run between single calls.
            reply = session.post(f"{base}/_sim/clock/advance", json={"by": rng.choice(["100ms", "1s", "5s", "20s"])}, timeout=30)
            if reply.status_code != 200:
                outcomes.add("unexpected", "advance", reply.status_code, reply.text)


def status_log(base: str, giccid: str) -> list[dict]:
    entries, page = [], 0
    while True:
        reply = requests.get(
            f"{base}/v1/global-sims/changeLogs", params={"giccid": giccid, "type": "STATUS", "size": 1000, "page": page}, headers=HEADERS, timeout=30
        )
        assert reply.status_code == 200, reply.text
        body = reply.json()
        entries += body["changeLogs"]
        if (page + 1) * 1000 >= body["total"]:
            return entries
        page += 1


def test_conflicting_transitions_leave_valid_histories(server):
    base = server.base_url
    created = requests.post(f"{base}/_sim/sims", json={"accountName": "Fleet Prepaid", "count": 20, "status": "ACTIVATED"}, timeout=30)
    assert created.status_code == 201, created.text
    sims = requests.get(f"{base}/v1/global-sims", params={"size": 1000}, headers=HEADERS, timeout=30).json()["sims"]
    seed_status = {sim["giccid"]: sim["status"] for sim in sims}
    rng = random.Random(42)
    # A hot set small enough that the clients keep colliding on the same SIMs.
    hot = rng.sample(sorted(seed_status), 24)

    outcomes = Outcomes()
    start = threading.Barrier(CLIENTS)
    threads = [threading.Thread(target=client, args=(base, index, hot, outcomes, start)) for index in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not outcomes.unexpected, outcomes.unexpected[:5]
    # Every job runs to its end.
    assert requests.post(f"{base}/_sim/clock/advance", json={"by": "1h"}, timeout=60).status_code == 200

    batch_successes = Counter()
    task_count = 0
    for job_id, action, giccids in outcomes.jobs:
        job = requests.get(f"{base}/v1/batchJobs/{job_id}", params={"size": 1000}, headers=HEADERS, timeout=30).json()
        assert job["status"] == "FINISHED" and job["type"] == BATCH_ACTION[action], job
        assert [task["giccid"] for task in job["tasks"]] == giccids, job
        for task in job["tasks"]:
            task_count += 1
            assert task["status"] in ("SUCCESS", "FAIL"), task
            if task["status"] == "SUCCESS":
                assert task["errorMessage"] is None, task
                batch_successes[task["giccid"]] += 1
            else:
                assert task["errorMessage"], task

    changes = 0
    for giccid in hot:
        log = status_log(base, giccid)
        status = seed_status[giccid]
        for entry in log:
            assert entry["before"] == status, (giccid, status, entry)
            assert (entry["before"], entry["after"]) in STEPS, (giccid, entry)
            status = entry["after"]
        times = [entry["changeTime"] for entry in log]
        assert times == sorted(times), (giccid, times)
        current = requests.get(f"{base}/v1/global-sims/{giccid}", headers=HEADERS, timeout=30).json()["status"]
        assert current == status, (giccid, current, log[-1:] or seed_status[giccid])
        sources = Counter(entry["source"] for entry in log)
        assert sources["API"] == outcomes.single_successes[giccid], (giccid, sources, outcomes.single_successes[giccid])
        assert sources["BATCH"] == batch_successes[giccid], (giccid, sources, batch_successes[giccid])
        changes += len(log)
    print(
        f"{CLIENTS} clients, {CLIENTS * CALLS_PER_CLIENT} calls, {len(outcomes.jobs)} jobs with {task_count} tasks, "
        f"{sum(outcomes.single_successes.values())} single changes and {sum(batch_successes.values())} batch changes "
        f"over {len(hot)} SIMs ({changes} log entries)"
    )
    assert changes > 50, "too few changes to have tested anything"
    assert sum(batch_successes.values()) > 0 and sum(outcomes.single_successes.values()) > 0
