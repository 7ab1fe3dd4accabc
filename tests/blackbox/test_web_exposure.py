"""No web page and no network neighbour drives a developer's simulator.

- DNS rebinding: bound to loopback, the server answers only localhost, 127.0.0.1, [::1], the bound
  address and --allowed-hosts; a page on another name gets a 403 problem and reads no key.
- Cross-site control: a control call other than GET/HEAD from another site's page (Origin, or
  Sec-Fetch-Site: cross-site) is a 403 problem and changes nothing.
- Beyond loopback without an admin token the start says what is exposed; tenant keys are random
  there and derived on loopback; an empty admin token is refused at start.
"""

import subprocess

import pytest
import requests

import rawhttp
from conftest import server_binary, start_server, stop_server

LOOPBACK = ("--clock", "manual")


@pytest.fixture(scope="module")
def server():
    running = start_server(*LOOPBACK)
    yield running
    stop_server(running)


def raw(server, method: str, path: str, host: str | None, headers: dict[str, str] | None = None, body: bytes = b"", version="1.1"):
    """One request with exactly this Host header (None: no Host at all)."""
    lines = [f"{method} {path} HTTP/{version}".encode()]
    if host is not None:
        lines.append(f"Host: {host}".encode())
    lines.append(b"Connection: close")
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}".encode())
    if body or method in ("POST", "PUT"):
        lines.append(f"Content-Length: {len(body)}".encode())
    return rawhttp.exchange(server.base_url, b"\r\n".join(lines) + b"\r\n\r\n" + body)


def clock_now(server) -> str:
    return server.get("/_sim/clock", key=None).json()["now"]


def port_of(server) -> int:
    return rawhttp.address(server.base_url)[1]


def test_a_dns_rebinding_read_is_refused_on_every_path(server):
    for path in ("/_sim/state", "/_sim/enterprises", "/v1/enterprise", "/_sim/ui", "/nowhere"):
        reply = raw(server, "GET", path, f"evil.example:{port_of(server)}", {"X-API-Key": "demo-key-0d1f6a2c9e4b7385"})
        assert reply.status == 403, path
        assert reply.headers["content-type"] == "application/problem+json"
        assert reply.json()["title"] == "Host not allowed"
        assert b"demo-key" not in reply.body


def test_a_dns_rebinding_write_changes_nothing(server):
    before = clock_now(server)
    reply = raw(server, "POST", "/_sim/clock/advance", "evil.example", {"Content-Type": "application/json"}, b'{"by": "1d"}')
    assert reply.status == 403
    assert clock_now(server) == before


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]", "LOCALHOST"])
def test_this_machines_names_are_answered_with_any_port_or_none(server, host):
    for authority in (host, f"{host}:{port_of(server)}", f"{host}:1"):
        reply = raw(server, "GET", "/_sim/health", authority)
        assert reply.status == 200, authority


@pytest.mark.parametrize("host", [None, "", "evil.example:notaport", "localhost.evil.example", "127.0.0.1.nip.io"])
def test_a_missing_or_other_host_is_refused(server, host):
    reply = raw(server, "GET", "/_sim/health", host)
    assert reply.status == 403
    assert reply.json()["title"] == "Host not allowed"


def test_a_cross_site_text_plain_reset_is_refused_and_changes_nothing(server):
    # Given a world whose clock has moved
    moved = server.post("/_sim/clock/advance", key=None, json={"by": "1h"}).json()["now"]
    # When a page on another site posts a "simple" reset (no preflight)
    reply = requests.post(
        server.base_url + "/_sim/reset",
        data="x",
        headers={"Content-Type": "text/plain", "Origin": "http://evil.example"},
        timeout=10,
    )
    # Then it is refused, and the world is as it was
    assert reply.status_code == 403
    assert reply.json()["title"] == "Cross-site request refused"
    assert clock_now(server) == moved


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}, {"Origin": "http://localhost:1"}],
)
def test_other_cross_site_control_calls_are_refused(server, headers):
    reply = requests.post(server.base_url + "/_sim/enterprises", json={"name": "cross-site-team"}, headers=headers, timeout=10)
    assert reply.status_code == 403
    assert server.get("/_sim/enterprises", key=None).text.count("cross-site-team") == 0


def test_a_cross_site_reset_by_another_spelling_of_the_path_is_refused(server):
    moved = server.post("/_sim/clock/advance", key=None, json={"by": "1h"}).json()["now"]
    reply = raw(server, "POST", "//_sim/reset", f"127.0.0.1:{port_of(server)}", {"Origin": "http://evil.example", "Content-Type": "text/plain"})
    assert reply.status == 403
    assert clock_now(server) == moved


def test_the_servers_own_origin_and_tools_may_call(server):
    own = server.base_url
    assert requests.post(own + "/_sim/enterprises", json={"name": "own-page"}, headers={"Origin": own}, timeout=10).status_code == 201
    assert requests.post(own + "/_sim/enterprises", json={"name": "a-tool"}, timeout=10).status_code == 201


def test_allowed_hosts_adds_names():
    running = start_server(*LOOPBACK, "--allowed-hosts", "sim.test, .corp.example")
    try:
        for host in ("sim.test:8080", "ci.corp.example", "localhost"):
            assert raw(running, "GET", "/_sim/health", host).status == 200, host
        assert raw(running, "GET", "/_sim/health", "evil.example").status == 403
    finally:
        stop_server(running)


def tenant_key(server) -> str:
    reply = requests.post(server.base_url + "/_sim/enterprises", json={"name": "tenant-b"}, timeout=10)
    assert reply.status_code == 201
    return reply.json()["apiKey"]


def on_every_interface(*arguments: str, environment: dict[str, str] | None = None):
    running = start_server("--host", "0.0.0.0", *LOOPBACK, *arguments, environment=environment)
    running.base_url = running.base_url.replace("0.0.0.0", "127.0.0.1")
    return running


def test_beyond_loopback_without_token_the_exposure_is_said_and_keys_are_random():
    first, second = on_every_interface(), on_every_interface()
    try:
        for running in (first, second):
            assert "WARNING:" in running.banner and "without an admin token" in running.banner
            assert "-p 127.0.0.1:8080:8080" in running.banner
            warnings = running.get("/_sim/health", key=None).json()["warnings"]
            assert len(warnings) == 1 and "GET /_sim/state" in warnings[0]
            # Every host is answered there, unless narrowed
            assert raw(running, "GET", "/_sim/health", "sim.lan:8080").status == 200
        first_key, second_key = tenant_key(first), tenant_key(second)
        assert first_key != second_key
        assert requests.get(first.base_url + "/v1/enterprise", headers={"X-API-Key": first_key}, timeout=10).status_code == 200
    finally:
        stop_server(first)
        stop_server(second)


def test_on_loopback_tenant_keys_are_the_same_on_every_start():
    first, second = start_server(*LOOPBACK), start_server(*LOOPBACK)
    try:
        assert tenant_key(first) == tenant_key(second)
        assert first.get("/_sim/health", key=None).json()["warnings"] == []
        assert "WARNING" not in first.banner
    finally:
        stop_server(first)
        stop_server(second)


def test_beyond_loopback_with_a_token_or_narrowed_hosts():
    running = on_every_interface("--admin-token", "t0k-exposure", "--allowed-hosts", "sim.lan")
    try:
        assert "WARNING" not in running.banner
        assert raw(running, "GET", "/_sim/health", "sim.lan", {"Authorization": "Bearer t0k-exposure"}).status == 200
        assert raw(running, "GET", "/_sim/health", "127.0.0.1", {"Authorization": "Bearer t0k-exposure"}).status == 200
        assert raw(running, "GET", "/_sim/health", "evil.example", {"Authorization": "Bearer t0k-exposure"}).status == 403
    finally:
        stop_server(running)


def serve(*arguments: str, environment: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(server_binary()), "serve", "--port", "0", *arguments],
        env={"PATH": "/usr/bin:/bin", **(environment or {})},
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize(
    "arguments, environment, message",
    [
        (["--admin-token", ""], {}, "--admin-token is empty"),
        ([], {"SMARTHUB_SIM_ADMIN_TOKEN": ""}, "SMARTHUB_SIM_ADMIN_TOKEN is empty"),
        (["--admin-token", "two words"], {}, "--admin-token must be 1 to 1024 visible ASCII characters"),
        (["--allowed-hosts", "sim.test:8080"], {}, "'sim.test:8080' is not a host name"),
        ([], {"SMARTHUB_SIM_ALLOWED_HOSTS": "http://x"}, "SMARTHUB_SIM_ALLOWED_HOSTS: 'http://x' is not a host name"),
    ],
)
def test_unusable_tokens_and_hosts_are_refused_at_start(arguments, environment, message):
    result = serve(*arguments, environment=environment)
    assert result.returncode != 0
    assert message in result.stderr
