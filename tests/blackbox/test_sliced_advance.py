"""A large advance runs its due work in slices: other calls are answered while it runs."""

import threading
import time

import pytest
import requests

from conftest import DEMO_KEY, start_server, stop_server

GENERATED = 20_000
# Far below the advance's own length (seconds on a debug build), far above a call's (milliseconds).
ANSWER_BOUND_S = 1.0


@pytest.fixture(scope="module")
def fleet():
    running = start_server("--clock", "manual", "--generate-sims", str(GENERATED))
    yield running
    stop_server(running)


def test_calls_are_answered_while_a_day_of_traffic_runs(fleet):
    giccid = fleet.get("/v1/global-sims", params={"page": 0, "size": 1, "status": "ACTIVATED"}).json()["sims"][0]["giccid"]
    assert fleet.post("/_sim/traffic", key=None, json={"enabled": True}).status_code == 200
    outcome = {}

    def advance():
        started = time.monotonic()
        outcome["reply"] = requests.post(fleet.base_url + "/_sim/clock/advance", json={"by": "1d"}, timeout=600)
        outcome["seconds"] = time.monotonic() - started

    runner = threading.Thread(target=advance)
    runner.start()
    answers = []
    with requests.Session() as session:
        while runner.is_alive() and len(answers) < 2000:
            for path, headers in (("/_sim/health", {}), (f"/v1/global-sims/{giccid}", {"X-API-Key": DEMO_KEY})):
                started = time.monotonic()
                reply = session.get(fleet.base_url + path, headers=headers, timeout=120)
                answers.append((path, reply.status_code, time.monotonic() - started, runner.is_alive()))
    runner.join(timeout=600)
    assert outcome["reply"].status_code == 200, outcome["reply"].text
    during = [answer for answer in answers if answer[3]]
    assert len(during) >= 4, f"only {len(during)} calls were answered during a {outcome['seconds']:.1f} s advance"
    slowest = max(during, key=lambda answer: answer[2])
    assert slowest[2] < ANSWER_BOUND_S, f"{slowest[0]} took {slowest[2]:.2f} s during the advance"
    assert all(answer[1] == 200 for answer in answers)
    # The whole day ran: the SIM's last session came with the day's last round.
    assert fleet.get("/_sim/clock", key=None).json()["now"] == outcome["reply"].json()["now"]
    assert fleet.get(f"/v1/global-sims/{giccid}").json()["lastSessionTime"] == outcome["reply"].json()["now"]


def test_traffic_turns_off_at_once_during_an_advance(fleet):
    assert fleet.post("/_sim/traffic", key=None, json={"enabled": True}).status_code == 200
    runner = threading.Thread(target=lambda: requests.post(fleet.base_url + "/_sim/clock/advance", json={"by": "1d"}, timeout=600))
    runner.start()
    # The manual clock shows an advance's progress: wait (boundedly) until it has moved.
    start = fleet.get("/_sim/clock", key=None).json()["now"]
    for _ in range(2000):
        if fleet.get("/_sim/clock", key=None).json()["now"] != start or not runner.is_alive():
            break
    started = time.monotonic()
    off = fleet.post("/_sim/traffic", key=None, json={"enabled": False})
    took = time.monotonic() - started
    runner.join(timeout=600)
    assert off.status_code == 200 and off.json()["enabled"] is False
    assert took < ANSWER_BOUND_S, f"turning traffic off took {took:.2f} s during an advance"
