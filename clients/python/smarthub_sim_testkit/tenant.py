"""A tenant of its own for one test: an enterprise copied from the default seed, with its own clock."""

import uuid
from datetime import datetime
from typing import List, Optional, Union

import requests

from .server import SmarthubServer
from .webhook import WebhookReceiver

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def parse_time(text: str) -> datetime:
    """A time as the server writes it (``2025-03-15T08:00:00+0000``), as an aware ``datetime``."""
    return datetime.strptime(text, TIME_FORMAT)


class SmarthubTenant:
    """An enterprise made for one test: its key, a session that sends it, and control calls scoped to it.

    Its clock is its own (``"clock": "own"``): advancing it runs only this enterprise's batch tasks,
    SMS, expiries and pushes, so tests in parallel never see each other's time jumps.
    """

    def __init__(self, server: SmarthubServer, name_prefix: str = "pytest"):
        self.server = server
        self.enterprise_name = f"{name_prefix}-{uuid.uuid4().hex[:12]}"
        created = server.control("POST", "/enterprises", json={"name": self.enterprise_name, "seed": "default", "clock": "own"})
        if created.status_code != 201:
            raise RuntimeError(f"could not create the test enterprise: {created.status_code} {created.text}")
        self.api_key: str = created.json()["apiKey"]
        self.base_url = f"{server.url}/v1"
        self.session = requests.Session()
        self.session.headers["X-API-Key"] = self.api_key
        self._faults: List[str] = []
        self._webhook: Optional[WebhookReceiver] = None

    def control(self, method: str, path: str, **kwargs) -> requests.Response:
        """A control call (``/_sim`` + ``path``) scoped to this enterprise by its key."""
        headers = {"X-API-Key": self.api_key, **kwargs.pop("headers", {})}
        return self.server.control(method, path, headers=headers, **kwargs)

    def now(self) -> datetime:
        """This enterprise's clock reading."""
        answer = self.control("GET", "/clock")
        answer.raise_for_status()
        return parse_time(answer.json()["now"])

    def advance(self, by: Union[str, int, float]) -> datetime:
        """Moves this enterprise's clock forward (``"5s"``, ``"30d"`` or seconds), running its due work
        and delivering its pushes before it returns; the reading after."""
        answer = self.control("POST", "/clock/advance", json={"by": by})
        if answer.status_code != 200:
            raise AssertionError(f"the clock could not advance by {by!r}: {answer.status_code} {answer.text}")
        return parse_time(answer.json()["now"])

    def fault(self, **body) -> str:
        """Forces an outcome (``POST /_sim/faults``) for this enterprise; removed after the test. Its id."""
        answer = self.control("POST", "/faults", json=body)
        if answer.status_code != 201:
            raise AssertionError(f"the fault was refused: {answer.status_code} {answer.text}")
        fault_id = answer.json()["id"]
        self._faults.append(fault_id)
        return fault_id

    @property
    def webhook(self) -> WebhookReceiver:
        """A receiver on 127.0.0.1 that this enterprise's pushes go to, started on first use."""
        if self._webhook is None:
            self._webhook = WebhookReceiver()
            answer = self.control("PUT", "/webhooks", json={"url": self._webhook.url, "secret": self._webhook.secret})
            if answer.status_code != 200:
                self._webhook.close()
                self._webhook = None
                raise RuntimeError(f"the webhook could not be set: {answer.status_code} {answer.text}")
        return self._webhook

    def close(self) -> List[str]:
        """Removes the faults, the receiver and the enterprise; the problems met doing so."""
        problems = []
        for fault_id in self._faults:
            answer = self.control("DELETE", f"/faults/{fault_id}")
            if answer.status_code not in (204, 404):
                problems.append(f"fault {fault_id}: {answer.status_code}")
        if self._webhook is not None:
            problems += [f"push with a bad signature: {text}" for text in self._webhook.bad_signatures()]
            self._webhook.close()
        deleted = self.server.control("DELETE", f"/enterprises/{self.enterprise_name}")
        if deleted.status_code not in (204, 404):
            problems.append(f"enterprise {self.enterprise_name}: {deleted.status_code}")
        self.session.close()
        return problems
