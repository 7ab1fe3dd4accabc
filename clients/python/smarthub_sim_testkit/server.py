"""The simulator a test session talks to: one given by URL, or one started from the binary."""

import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Dict, Optional

import requests

READY_LINE = re.compile(r"smarthub-sim ready on (http://\S+)")
STARTUP_SECONDS = 60


class SmarthubServer:
    """A running smarthub-sim: its base URL (without ``/v1``) and the admin token, if any.

    ``SmarthubServer.from_environment()`` uses ``SMARTHUB_SIM_URL`` (and ``SMARTHUB_SIM_ADMIN_TOKEN``)
    when set; otherwise it starts ``SMARTHUB_SIM_BIN`` (or ``smarthub-sim`` from ``PATH``) on a free
    loopback port with a manual clock, and ``stop()`` ends it.
    """

    def __init__(self, url: str, admin_token: Optional[str] = None, process: Optional[subprocess.Popen] = None,
                 log_path: Optional[str] = None):
        self.url = url.rstrip("/")
        self.admin_token = admin_token
        self.process = process
        self.log_path = log_path

    @classmethod
    def from_environment(cls) -> "SmarthubServer":
        url = os.environ.get("SMARTHUB_SIM_URL")
        token = os.environ.get("SMARTHUB_SIM_ADMIN_TOKEN") or None
        if url:
            return cls(url, token)
        return cls.start(token)

    @classmethod
    def start(cls, admin_token: Optional[str] = None) -> "SmarthubServer":
        binary = os.environ.get("SMARTHUB_SIM_BIN") or shutil.which("smarthub-sim")
        if not binary:
            raise RuntimeError(
                "smarthub-sim not found: set SMARTHUB_SIM_URL to a running server, SMARTHUB_SIM_BIN to the binary, "
                "or put smarthub-sim on PATH")
        arguments = [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--clock", "manual", "--log-level", "warning"]
        if admin_token:
            arguments += ["--admin-token", admin_token]
        # The server's own environment must not point it at another configuration.
        environment = {k: v for k, v in os.environ.items() if not k.startswith("SMARTHUB_SIM_")}
        log = tempfile.NamedTemporaryFile(prefix="smarthub-sim-", suffix=".log", delete=False)
        process = subprocess.Popen(arguments, stdout=log, stderr=subprocess.STDOUT, env=environment)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            match = READY_LINE.search(Path(log.name).read_text(errors="replace"))
            if match:
                return cls(match.group(1), admin_token, process, log.name)
            if process.poll() is not None:
                break
            time.sleep(0.05)
        process.kill()
        raise RuntimeError("smarthub-sim did not start:\n" + Path(log.name).read_text(errors="replace"))

    def control_headers(self) -> Dict[str, str]:
        """The headers every control call needs: the admin token when there is one."""
        return {"Authorization": f"Bearer {self.admin_token}"} if self.admin_token else {}

    def control(self, method: str, path: str, **kwargs) -> requests.Response:
        """A control call (``/_sim`` + ``path``) with the admin token."""
        headers = {**self.control_headers(), **kwargs.pop("headers", {})}
        kwargs.setdefault("timeout", 60)
        return requests.request(method, f"{self.url}/_sim{path}", headers=headers, **kwargs)

    def stop(self) -> None:
        """Ends the server this object started (a server given by URL is left alone)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.log_path:
            Path(self.log_path).unlink(missing_ok=True)
