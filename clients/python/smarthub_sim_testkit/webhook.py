"""A webhook receiver on 127.0.0.1 that checks every push's signature and keeps the pushes."""

import hashlib
import hmac
import http.server
import json
import secrets
import threading
from typing import List, Optional


class SignatureError(AssertionError):
    """A push arrived whose signature did not verify with the receiver's secret."""


class WebhookReceiver:
    """Receives pushes on ``url`` (a free port on 127.0.0.1), verifying ``X-Smarthub-Signature``
    (HMAC-SHA256 of ``timestamp + "." + body`` with ``secret``). A push with a bad signature is
    answered 401 and makes ``pushes()`` (and the test's teardown) fail."""

    def __init__(self, secret: Optional[str] = None):
        self.secret = secret or secrets.token_hex(16)
        self._lock = threading.Lock()
        self._pushes: List[dict] = []
        self._bad: List[str] = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                timestamp = self.headers.get("X-Smarthub-Timestamp", "")
                expected = hmac.new(receiver.secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
                valid = hmac.compare_digest(expected, self.headers.get("X-Smarthub-Signature", ""))
                with receiver._lock:
                    if valid:
                        receiver._pushes.append(json.loads(body))
                    else:
                        receiver._bad.append(body[:200].decode(errors="replace"))
                self.send_response(204 if valid else 401)
                self.end_headers()

            def log_message(self, *arguments):
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_port}/hook"

    def pushes(self, event_type: Optional[str] = None, giccid: Optional[str] = None) -> List[dict]:
        """The pushes received so far (parsed envelopes), oldest first, optionally of one kind or SIM.

        Raises ``SignatureError`` once any push arrived with a bad signature."""
        with self._lock:
            if self._bad:
                raise SignatureError(f"{len(self._bad)} push(es) with a bad signature, first: {self._bad[0]}")
            found = list(self._pushes)
        return [push for push in found
                if (event_type is None or push.get("eventType") == event_type)
                and (giccid is None or push.get("giccid") == giccid)]

    def bad_signatures(self) -> List[str]:
        """The start of each push whose signature did not verify."""
        with self._lock:
            return list(self._bad)

    def close(self) -> None:
        """Stops listening."""
        self._server.shutdown()
        self._server.server_close()
