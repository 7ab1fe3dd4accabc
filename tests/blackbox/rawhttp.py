"""HTTP/1.1 over a plain socket, for requests no client library would send (malformed, huge, slow)."""

import json
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit


@dataclass
class Reply:
    """One parsed answer: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)


def address(base_url: str) -> tuple[str, int]:
    parts = urlsplit(base_url)
    return parts.hostname, parts.port


def connect(base_url: str, timeout: float = 10.0) -> socket.socket:
    connection = socket.create_connection(address(base_url), timeout=timeout)
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return connection


def read_reply(connection: socket.socket, deadline: float) -> Reply | None:
    """Reads one answer; None when the server closed the connection without one."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = receive(connection, deadline)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        length = int(headers["content-length"])
        while len(body) < length:
            chunk = receive(connection, deadline)
            if not chunk:
                break
            body += chunk
        body = body[:length]
    elif headers.get("transfer-encoding") == "chunked":
        while not body.endswith(b"0\r\n\r\n"):
            chunk = receive(connection, deadline)
            if not chunk:
                break
            body += chunk
        body = dechunk(body)
    return Reply(status, headers, body)


def receive(connection: socket.socket, deadline: float) -> bytes:
    """The next bytes, b"" on close or reset; raises TimeoutError past the deadline."""
    connection.settimeout(max(0.01, deadline - time.monotonic()))
    try:
        return connection.recv(65536)
    except (ConnectionResetError, BrokenPipeError):
        return b""
    except socket.timeout:
        raise TimeoutError("no answer before the deadline") from None


def dechunk(body: bytes) -> bytes:
    out = b""
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2 :]
    return out


def send_all(connection: socket.socket, data: bytes) -> bool:
    """Sends what it can; False when the server closed or reset the connection first."""
    try:
        connection.sendall(data)
        return True
    except (BrokenPipeError, ConnectionResetError):
        return False


def exchange(base_url: str, data: bytes, timeout: float = 10.0) -> Reply | None:
    """Sends raw bytes on a new connection and reads one answer (None: closed without one)."""
    with connect(base_url, timeout) as connection:
        send_all(connection, data)
        return read_reply(connection, time.monotonic() + timeout)


def request_bytes(method: str, target: bytes | str, headers: dict[str, str] | None = None, body: bytes = b"") -> bytes:
    """A request as bytes; `target` is sent exactly as given (no normalisation, no encoding)."""
    if isinstance(target, str):
        target = target.encode("latin-1")
    lines = [method.encode() + b" " + target + b" HTTP/1.1", b"Host: 127.0.0.1", b"Connection: close"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}".encode("latin-1"))
    if body or method in ("POST", "PUT"):
        lines.append(f"Content-Length: {len(body)}".encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def is_closed(connection: socket.socket) -> bool:
    """True when the server has closed the connection (reading gives EOF or a reset now)."""
    connection.setblocking(False)
    try:
        return connection.recv(1) == b""
    except BlockingIOError:
        return False
    except (ConnectionResetError, BrokenPipeError):
        return True
    finally:
        connection.setblocking(True)


def rss_kib(pid: int) -> int:
    """The resident set size of a process, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")
