"""Starts the built smarthub-sim binary on a free port for black-box tests."""

import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
DEMO_KEY = "demo-key-0d1f6a2c9e4b7385"


class RunningServer:
    """A server process and its base URL."""

    def __init__(self, process: subprocess.Popen, base_url: str, banner: str):
        self.process = process
        self.base_url = base_url
        self.banner = banner

    def get(self, path: str, key: str | None = DEMO_KEY, **kwargs) -> requests.Response:
        headers = {"X-API-Key": key} if key else {}
        return requests.get(self.base_url + path, headers=headers, timeout=10, **kwargs)

    def post(self, path: str, key: str | None = DEMO_KEY, **kwargs) -> requests.Response:
        headers = {"X-API-Key": key} if key else {}
        return requests.post(self.base_url + path, headers=headers, timeout=10, **kwargs)


def server_binary() -> Path:
    binary = Path(os.environ.get("SMARTHUB_SIM_BIN", REPO / ".build" / "debug" / "smarthub-sim"))
    if not binary.exists():
        pytest.fail(f"{binary} does not exist: build the server first (swift build)")
    return binary


def start_server(
    *arguments: str, environment: dict[str, str] | None = None, port: str | None = "0", ready_seconds: float = 30
) -> RunningServer:
    """Starts `smarthub-sim serve --port 0 …` and waits for its ready line.

    `environment` adds variables to the server's environment; `port=None` leaves `--port` out;
    `ready_seconds` bounds the wait for the ready line (large worlds take longer).
    The server's output goes to a file (a pipe nobody reads would fill up and stall the server);
    `RunningServer.log_path` names it.
    """
    log = tempfile.NamedTemporaryFile(prefix="smarthub-sim-", suffix=".log", delete=False)
    port_arguments = ["--port", port] if port is not None else []
    process = subprocess.Popen(
        [str(server_binary()), "serve", *port_arguments, *arguments],
        env={**os.environ, **(environment or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + ready_seconds
    while time.monotonic() < deadline:
        text = Path(log.name).read_text(errors="replace")
        match = re.search(r"smarthub-sim ready on (http://\S+)", text)
        if match and "Contracts:" in text:
            server = RunningServer(process, match.group(1), text)
            server.log_path = log.name
            return server
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    pytest.fail("the server did not become ready:\n" + Path(log.name).read_text(errors="replace"))


def stop_server(server: RunningServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="module")
def server():
    running = start_server("--clock", "manual")
    yield running
    stop_server(running)
