"""Pushes from the running server to a receiver written as the README shows."""

import hashlib
import hmac
import http.server
import json
import threading
import time
from datetime import datetime

import requests

from conftest import start_server, stop_server

SECRET = b"s3cret"


class Receiver(http.server.BaseHTTPRequestHandler):
    """Checks each push's signature (and, given a reference clock, its timestamp's freshness) the way
    the README tells users to, and keeps the push with its verdicts."""

    received: list = []
    reference_now = None

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        timestamp = self.headers.get("X-Smarthub-Timestamp", "")
        expected = hmac.new(SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        valid = hmac.compare_digest(expected, self.headers.get("X-Smarthub-Signature", ""))
        check = Receiver.reference_now
        fresh = check is None or (timestamp.isdigit() and abs(check() - int(timestamp)) <= 300)
        Receiver.received.append((valid, fresh, json.loads(body)))
        self.send_response(204 if valid and fresh else 401)
        self.end_headers()

    def log_message(self, *arguments):
        pass


def start_receiver(control: str) -> http.server.HTTPServer:
    """A receiver on a free port, set as the webhook (with the secret) through `control`."""
    Receiver.received = []
    Receiver.reference_now = None
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    hook = f"http://127.0.0.1:{receiver.server_port}/hook"
    assert requests.put(f"{control}/webhooks", json={"url": hook, "secret": SECRET.decode()}, timeout=10).status_code == 200
    return receiver


def test_a_suspend_reaches_a_receiver_signed_once_the_clock_advances():
    server = start_server("--clock", "manual")
    control = server.base_url + "/_sim"
    receiver = start_receiver(control)
    try:
        sims = server.get("/v1/global-sims?status=ACTIVATED&size=1").json()["sims"]
        giccid = sims[0]["giccid"]
        assert server.post(f"/v1/global-sims/{giccid}/suspend").status_code == 200
        # With a manual clock, the push goes out when the clock moves; the advance answers after it.
        assert requests.post(f"{control}/clock/advance", json={"by": 0}, timeout=30).status_code == 200
        assert len(Receiver.received) == 1
        valid, _, push = Receiver.received[0]
        assert valid
        assert push["eventType"] == "SIM_STATUS_CHANGE"
        assert push["giccid"] == giccid
        assert push["enterpriseName"] == "Demo IoT Ltd"
        assert push["data"] == {"previousStatus": "ACTIVATED", "currentStatus": "DEACTIVATED", "source": "API", "jobId": None}
        deliveries = requests.get(f"{control}/deliveries", params={"giccid": giccid}, timeout=10).json()["deliveries"]
        assert [d["state"] for d in deliveries] == ["DELIVERED"]
        assert deliveries[0]["attempts"][0]["httpStatus"] == 204
    finally:
        stop_server(server)
        receiver.shutdown()


def simulator_now(control: str) -> int:
    now = requests.get(f"{control}/clock", timeout=10).json()["now"]
    return int(datetime.strptime(now, "%Y-%m-%dT%H:%M:%S%z").timestamp())


def test_signature_timestamps_pass_a_freshness_check_against_the_clock_that_fits_the_setting():
    server = start_server("--clock", "manual")
    control = server.base_url + "/_sim"
    receiver = start_receiver(control)
    try:
        first, second = [s["giccid"] for s in server.get("/v1/global-sims?status=ACTIVATED&size=2").json()["sims"]]

        # Simulated (the default): fresh against the simulator's clock, stale against the machine's (the seed is in 2025)
        Receiver.reference_now = staticmethod(lambda: simulator_now(control))
        assert server.post(f"/v1/global-sims/{first}/suspend").status_code == 200
        assert requests.post(f"{control}/clock/advance", json={"by": "1h"}, timeout=30).status_code == 200
        assert [(valid, fresh) for valid, fresh, _ in Receiver.received] == [(True, True)]
        assert abs(time.time() - simulator_now(control)) > 300

        # Wall: fresh against the machine's clock, whatever the simulated time
        assert requests.put(f"{control}/settings", json={"signatureTime": "wall"}, timeout=10).json()["signatureTime"] == "wall"
        Receiver.reference_now = staticmethod(lambda: int(time.time()))
        assert server.post(f"/v1/global-sims/{second}/suspend").status_code == 200
        assert requests.post(f"{control}/clock/advance", json={"by": "1h"}, timeout=30).status_code == 200
        assert [(valid, fresh) for valid, fresh, _ in Receiver.received] == [(True, True), (True, True)]
        states = [d["state"] for d in requests.get(f"{control}/deliveries", timeout=10).json()["deliveries"]]
        assert states == ["DELIVERED", "DELIVERED"]
    finally:
        stop_server(server)
        receiver.shutdown()
