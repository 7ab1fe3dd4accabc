"""Hostile input against the real server: each attack gets its documented answer (a problem JSON,
or the connection closed), the server still serves others afterwards, and nothing changed.

The server runs with an admin token, so that a path trick reaching the control plane would show;
its clock has been moved on, so that a reset reached by a trick would show in the state.
"""

import contextlib
import json
import threading
import time
from urllib.parse import quote

import pytest
import requests

import rawhttp
from conftest import DEMO_KEY, start_server, stop_server

TOKEN = "hostile-admin-token"
ADMIN = {"Authorization": f"Bearer {TOKEN}"}
LIMIT = 1 << 20
ACCOUNT = "Fleet Prepaid"


class World:
    """The server under attack, with what the tests aim at."""

    def __init__(self, server):
        self.server = server
        self.url = server.base_url
        self.giccid = self.get_v1("/v1/global-sims?status=ACTIVATED&size=1").json()["sims"][0]["giccid"]
        job = requests.post(
            self.url + "/v1/batchJobs/global-sims/deactivate",
            json={"giccids": [self.giccid]},
            headers={"X-API-Key": DEMO_KEY},
            timeout=10,
        )
        assert job.status_code == 201, job.text
        self.job_id = job.json()["jobId"]
        # Moves the clock (and runs the job), so a reset reached by a trick would change the state.
        assert self.control("POST", "/_sim/clock/advance", json={"by": "1h"}).status_code == 200
        other = self.control("POST", "/_sim/enterprises", json={"name": "other", "seed": "empty"})
        assert other.status_code == 201, other.text
        self.other_key = other.json()["apiKey"]

    def get_v1(self, path: str, key: str = DEMO_KEY) -> requests.Response:
        return requests.get(self.url + path, headers={"X-API-Key": key}, timeout=10)

    def control(self, method: str, path: str, **kwargs) -> requests.Response:
        return requests.request(method, self.url + path, headers=ADMIN, timeout=10, **kwargs)

    def state(self) -> bytes:
        reply = self.control("GET", "/_sim/state")
        assert reply.status_code == 200
        return reply.content

    def assert_serves_others(self) -> None:
        health = requests.get(self.url + "/_sim/health", headers=ADMIN, timeout=5)
        assert health.status_code == 200 and health.json()["status"] == "ok"
        sim = self.get_v1(f"/v1/global-sims/{self.giccid}")
        assert sim.status_code == 200 and sim.json()["giccid"] == self.giccid

    @contextlib.contextmanager
    def untouched(self):
        """Checks that what runs inside changes nothing and leaves the server serving."""
        before = self.state()
        yield
        self.assert_serves_others()
        after = self.state()
        assert after == before, "the state changed"


@pytest.fixture(scope="module")
def world():
    server = start_server("--clock", "manual", "--admin-token", TOKEN)
    try:
        yield World(server)
    finally:
        stop_server(server)
        assert server.process.returncode in (0, -15), "the server did not stop cleanly"


def assert_problem(reply, statuses) -> dict:
    """A problem JSON answer (RFC 7807, as smarthub-api.md §1) with one of `statuses`."""
    status = reply.status if isinstance(reply, rawhttp.Reply) else reply.status_code
    headers = reply.headers if isinstance(reply, rawhttp.Reply) else {k.lower(): v for k, v in reply.headers.items()}
    body = reply.body if isinstance(reply, rawhttp.Reply) else reply.content
    assert status in statuses, (status, body[:300])
    assert headers.get("content-type") == "application/problem+json", headers
    problem = json.loads(body)
    assert problem["type"] == "about:blank" and problem["status"] == status and problem["title"], problem
    return problem


def assert_problem_or_closed(reply, statuses) -> None:
    """Malformed HTTP may be answered with a problem, or the connection simply closed; never a success."""
    if reply is not None:
        assert_problem(reply, statuses)


# Bodies over the limit


def send_body(world: World, method: str, path: str, total: int, chunked: bool, key: str | None = DEMO_KEY):
    """Sends a body of `total` bytes (declared or chunked) on a keep-alive connection, then asks the
    same connection for the health check: the server must drain what it refused and stay usable.
    Returns the answer to the body (None: the connection was closed) and the health status."""
    headers = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    headers += [f"Authorization: Bearer {TOKEN}"] + ([f"X-API-Key: {key}"] if key else [])
    headers += ["Transfer-Encoding: chunked"] if chunked else [f"Content-Length: {total}"]
    piece = b"a" * (256 * 1024)
    with rawhttp.connect(world.url, timeout=30) as connection:
        sent = rawhttp.send_all(connection, ("\r\n".join(headers) + "\r\n\r\n").encode())
        done = 0
        while sent and done < total:
            sent = rawhttp.send_all(connection, b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            done += len(piece)
        if sent and chunked:
            sent = rawhttp.send_all(connection, b"0\r\n\r\n")
        reply = rawhttp.read_reply(connection, time.monotonic() + 30)
        if not sent or reply is None or reply.headers.get("connection") == "close":
            return reply, None
        rawhttp.send_all(connection, f"GET /_sim/health HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n\r\n".encode())
        health = rawhttp.read_reply(connection, time.monotonic() + 30)
        return reply, None if health is None else health.status


def test_a_declared_length_over_the_limit_is_413_on_both_apis(world):
    with world.untouched():
        for method, path in (("PUT", f"/v1/global-sims/{world.giccid}/custom-field"), ("PUT", "/_sim/settings")):
            data = rawhttp.request_bytes(
                method, path, {"X-API-Key": DEMO_KEY, "Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
            )
            # A declared length of 8 MiB and only the start of the body: the answer must not wait for the rest.
            data = data.replace(b"Content-Length: 0", f"Content-Length: {8 * LIMIT}".encode()) + b'{"custom1": "'
            assert_problem(rawhttp.exchange(world.url, data), {413})


def test_a_chunked_body_over_the_limit_is_413_on_both_apis(world):
    with world.untouched():
        for path in (f"/v1/global-sims/{world.giccid}/custom-field", "/_sim/settings"):
            reply, health = send_body(world, "PUT", path, 2 * LIMIT, chunked=True)
            assert_problem(reply, {413})
            assert health == 200


def test_fifty_bodies_of_8_mib_leave_memory_bounded(world):
    with world.untouched():
        pid = world.server.process.pid
        targets = [
            (f"/v1/global-sims/{world.giccid}/custom-field", False),
            ("/_sim/settings", True),
            (f"/v1/global-sims/{world.giccid}/custom-field", True),
            ("/_sim/settings", False),
        ]
        send_body(world, "PUT", targets[0][0], 8 * LIMIT, chunked=True)  # warms up the buffers
        before = rawhttp.rss_kib(pid)
        answers = []
        for index in range(50):
            path, chunked = targets[index % len(targets)]
            reply, health = send_body(world, "PUT", path, 8 * LIMIT, chunked=chunked)
            answers.append((None if reply is None else reply.status, health))
        after = rawhttp.rss_kib(pid)
        print(f"RSS before {before} KiB, after 50 x 8 MiB bodies {after} KiB")
        # Each body is refused, read to its end and thrown away: the connection serves the next request.
        assert answers == [(413, 200)] * 50, answers
        assert after - before < 48 * 1024, f"RSS grew from {before} to {after} KiB"


# Slow clients and idle connections


def slowloris(world: World, stop: threading.Event) -> None:
    """Sends a request head one byte at a time, never finishing it."""
    with contextlib.suppress(OSError), rawhttp.connect(world.url) as connection:
        head = b"GET /v1/global-sims HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + DEMO_KEY.encode() + b"\r\n"
        head += b"X-Padding: " + b"a" * 10_000
        for byte in head:
            if stop.is_set() or not rawhttp.send_all(connection, bytes([byte])):
                return
            time.sleep(0.01)


def test_idle_connections_and_a_slowloris_do_not_starve_others(world):
    with world.untouched():
        stop = threading.Event()
        loris = [threading.Thread(target=slowloris, args=(world, stop)) for _ in range(5)]
        idle = [rawhttp.connect(world.url) for _ in range(500)]
        try:
            for thread in loris:
                thread.start()
            # Half of the idle connections have sent part of a request.
            for connection in idle[::2]:
                rawhttp.send_all(connection, b"GET /v1/global-sims HTTP/1.1\r\nHost: localhost\r\n")
            durations = []
            for _ in range(20):
                started = time.monotonic()
                world.assert_serves_others()
                durations.append(time.monotonic() - started)
            assert max(durations) < 2, durations
        finally:
            stop.set()
            for thread in loris:
                thread.join()
            for connection in idle:
                connection.close()


def test_idle_connections_are_closed_after_the_idle_timeout():
    server = start_server("--clock", "manual", "--idle-timeout", "1")
    try:
        url = server.base_url
        idle = [rawhttp.connect(url) for _ in range(50)]
        half_sent = rawhttp.connect(url)
        rawhttp.send_all(half_sent, b"GET /_sim/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        kept_alive = rawhttp.connect(url)
        started = time.monotonic()
        rawhttp.send_all(kept_alive, b"GET /_sim/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert rawhttp.read_reply(kept_alive, started + 5).status == 200
        # A connection in use stays open past the timeout.
        busy = rawhttp.connect(url)
        for _ in range(6):
            rawhttp.send_all(busy, b"GET /_sim/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
            assert rawhttp.read_reply(busy, time.monotonic() + 5).status == 200
            time.sleep(0.4)
        # The others are closed by the server, about a second after their last activity.
        open_ones = idle + [half_sent, kept_alive]
        deadline = time.monotonic() + 10
        while open_ones and time.monotonic() < deadline:
            open_ones = [connection for connection in open_ones if not rawhttp.is_closed(connection)]
            time.sleep(0.05)
        assert not open_ones, f"{len(open_ones)} connections still open after 10 s"
        assert requests.get(url + "/_sim/health", timeout=5).status_code == 200
        for connection in idle + [half_sent, kept_alive, busy]:
            connection.close()
    finally:
        stop_server(server)


# JSON: nesting, size, duplicates, numbers, encoding


def put_json(world: World, path: str, body: bytes, method: str = "PUT", key: str = DEMO_KEY) -> requests.Response:
    headers = {"Content-Type": "application/json", "X-API-Key": key} | ADMIN
    return requests.request(method, world.url + path, data=body, headers=headers, timeout=30)


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"custom1":' + b"[" * 100_000,
        b'{"custom1":' + b'{"a":' * 50_000 + b"1" + b"}" * 50_001,
        b"[" * 5_000 + b"]" * 5_000,
        b"[" * 510 + b"]" * 510,
        b'{"custom1":' + b"[" * 500 + b"]" * 500 + b"}",
    ],
    ids=["100k-open", "100k-balanced", "100k-in-field", "50k-objects", "5k-balanced", "510-balanced", "500-in-field"],
)
def test_deeply_nested_json_is_refused(world, body):
    with world.untouched():
        for method, path in (
            ("PUT", f"/v1/global-sims/{world.giccid}/custom-field"),
            ("PUT", "/_sim/settings"),
            ("PUT", "/_sim/state"),
            ("POST", "/v1/batchJobs/global-sims/activate"),
        ):
            # 400 for what the decoder refuses or is not an object; a field the operation does not know may be 422 first.
            assert_problem(put_json(world, path, body, method), {400, 422})


def test_huge_json_within_the_limit_is_refused(world):
    with world.untouched():
        giccids = json.dumps({"giccids": [str(8944000000000000000 + n) for n in range(45_000)]}).encode()
        assert len(giccids) < LIMIT
        problem = assert_problem(put_json(world, "/v1/batchJobs/global-sims/activate", giccids, "POST"), {422})
        assert problem["errors"][0]["field"] == "giccids"
        text = json.dumps({"custom1": "x" * (LIMIT - 100)}).encode()
        problem = assert_problem(put_json(world, f"/v1/global-sims/{world.giccid}/custom-field", text), {422})
        assert problem["errors"][0]["field"] == "custom1"
        keys = json.dumps({f"k{n}": n for n in range(60_000)}).encode()
        assert len(keys) < LIMIT
        assert_problem(put_json(world, "/_sim/settings", keys), {422})


def test_duplicate_keys_are_refused(world):
    """The decoder would keep the first of two equal keys and drop the other silently."""
    with world.untouched():
        body = b'{"giccids": ["8944000000000000001"], "giccids": ["8944000000000000002"]}'
        problem = assert_problem(put_json(world, "/v1/batchJobs/global-sims/activate", body, "POST"), {400})
        assert "giccids" in problem["detail"]
        body = b'{"custom1": "first", "\\u0063ustom1": "second"}'
        assert_problem(put_json(world, f"/v1/global-sims/{world.giccid}/custom-field", body), {400})
        body = b'{"name": "dup-1", "name": "dup-2"}'
        assert_problem(put_json(world, "/_sim/enterprises", body, "POST"), {400})
        body = b'{"accountName": "Fleet Prepaid", "sims": [{"status": "ACTIVATED", "status": "INVENTORY"}]}'
        assert_problem(put_json(world, "/_sim/sims", body, "POST"), {400})


@pytest.mark.parametrize("number", ["1e999", "-1e999", "1e308", "123456789012345678901234567890", "-9223372036854775809", "NaN", "Infinity"])
def test_extreme_numbers_are_refused(world, number):
    with world.untouched():
        n = number.encode()
        cases = [
            ("POST", "/_sim/clock/advance", b'{"by": ' + n + b"}"),
            ("PUT", "/_sim/settings", b'{"batchTaskInterval": ' + n + b"}"),
            ("POST", "/_sim/sims", b'{"accountName": "' + ACCOUNT.encode() + b'", "count": ' + n + b"}"),
            ("POST", f"/_sim/sims/{world.giccid}/sessions", b'{"mcc": "234", "bytes": ' + n + b"}"),
            ("POST", "/_sim/traffic", b'{"enabled": true, "bytesPerDay": ' + n + b"}"),
            ("POST", "/_sim/faults", b'{"rateLimit": {"perSecond": ' + n + b"}}"),
        ]
        for method, path, body in cases:
            assert_problem(put_json(world, path, body, method), {400, 422})


def test_invalid_utf8_and_raw_nul_in_bodies_are_400(world):
    with world.untouched():
        for body in (b'{"custom1": "\xff\xfe"}', b'{"custom1": "\xc0\xae\xc0\xae"}', b'{"custom1": "a\x00b"}', b"\xef\xbb\xbf\xff{}"):
            assert_problem(put_json(world, f"/v1/global-sims/{world.giccid}/custom-field", body), {400})
        for body in (b'{"name": "\xed\xa0\x80"}', b'{"name": "a\x00b"}', b'{"name": "\xff"}'):
            assert_problem(put_json(world, "/_sim/enterprises", body, "POST"), {400})


@pytest.mark.parametrize(
    "target",
    [
        b"/v1/global-sims/\xff\xfe",
        b"/v1/global-sims/%FF%FE",
        b"/v1/account/Fleet%00Prepaid",
        b"/v1/account/%C0%AE%C0%AE",
        b"/v1/global-sims/\x00",
        b"/v1/global-sims/%00",
        b"/v1/global-sims/89441020150315%00",
        b"/v1/batchJobs/%ED%A0%80",
    ],
)
def test_invalid_utf8_and_nul_in_paths_are_4xx(world, target):
    with world.untouched():
        reply = rawhttp.exchange(world.url, rawhttp.request_bytes("GET", target, {"X-API-Key": DEMO_KEY}))
        assert_problem_or_closed(reply, {400, 404, 422})


@pytest.mark.parametrize(
    "query",
    [
        b"status=%FF",
        b"status=\xff",
        b"status=ACTIVATED%00",
        b"accountName=%00",
        b"accountName=%C0%AE",
        b"%FF=1",
        b"\x00=1",
        b"startTime=%FF",
    ],
)
def test_invalid_utf8_and_nul_in_queries_never_fail_the_server(world, query):
    """A filter value nothing matches is an empty list, an unknown parameter is ignored, a value
    that cannot be read is a 422 problem; bytes no parser takes are refused."""
    with world.untouched():
        for path in (b"/v1/global-sims", b"/v1/global-sims/changeLogs"):
            reply = rawhttp.exchange(world.url, rawhttp.request_bytes("GET", path + b"?" + query, {"X-API-Key": DEMO_KEY}))
            if reply is not None and reply.status == 200:
                assert "total" in reply.json()
            else:
                assert_problem_or_closed(reply, {400, 422})


# Path traversal and percent-encoding tricks


@pytest.mark.parametrize(
    "target",
    [
        "/v1/accounts/..%2F..%2F_sim%2Freset",
        "/v1/account/..%2F..%2F_sim%2Freset",
        "/v1/../_sim/reset",
        "/v1/./../_sim/reset",
        "/v1/%2e%2e/_sim/reset",
        "/v1/%2E%2E%2F_sim%2Freset",
        "/v1/%252e%252e%252f_sim%252freset",
        "/v1/%c0%ae%c0%ae/_sim/reset",
        "/v1/%c0%af_sim/reset",
        "/v1/global-sims%00/../../_sim/reset",
        "/%5fsim/reset",
        "/%5Fsim%2Freset",
        "/_sim%2freset",
        "/_sim/./reset",
        "//_sim/reset",
        "/_sim//reset",
        "/v1//../_sim/reset",
        "/_sim/health/../reset",
        "/_sim/openapi.yaml/../reset",
        "/_sim/reset%00",
        "/_sim/reset;x=1",
        "/_SIM/reset",
        "http://127.0.0.1/_sim/reset",
    ],
)
def test_path_tricks_never_reach_the_control_plane_without_its_token(world, target):
    with world.untouched():
        data = rawhttp.request_bytes("POST", target, {"X-API-Key": DEMO_KEY})
        reply = rawhttp.exchange(world.url, data)
        assert_problem_or_closed(reply, {400, 401, 404, 405})


def encodings(name: str) -> list[str]:
    """A name with percent-encoding tricks: every byte encoded, doubly encoded, with NUL, with `..`."""
    every = "".join(f"%{byte:02X}" for byte in name.encode())
    return [
        quote(name, safe=""),
        every,
        every.replace("%", "%25"),
        quote(name, safe="") + "%00",
        quote(name, safe="") + "%2F..%2F" + quote(name, safe=""),
        "..%2F" + quote(name, safe=""),
        "%2E%2E%2F" + every,
    ]


def test_name_tricks_never_reach_another_enterprise(world):
    with world.untouched():
        # (The other enterprise is a copy of the demo one without SIMs: the account names are its own too.)
        targets = [f"/v1/global-sims/{n}" for n in encodings(world.giccid)]
        targets += [f"/v1/global-sims/{n}/custom-field" for n in encodings(world.giccid)]
        targets += [f"/v1/batchJobs/{n}" for n in encodings(world.job_id)]
        for target in targets:
            # The other enterprise (an empty one) must never see the demo enterprise's objects.
            reply = rawhttp.exchange(world.url, rawhttp.request_bytes("GET", target, {"X-API-Key": world.other_key}))
            assert_problem_or_closed(reply, {400, 404, 422})
            # The owner gets its object for the plain encoding, and a problem (never a crash) otherwise.
            reply = rawhttp.exchange(world.url, rawhttp.request_bytes("GET", target, {"X-API-Key": DEMO_KEY}))
            if reply is not None and reply.status != 200:
                assert_problem(reply, {400, 404, 422})
        for target in [f"/v1/account/{n}" for n in encodings(ACCOUNT)] + [f"/v1/{n}/servicePackages" for n in encodings(ACCOUNT)]:
            reply = rawhttp.exchange(world.url, rawhttp.request_bytes("GET", target, {"X-API-Key": DEMO_KEY}))
            if reply is not None and reply.status != 200:
                assert_problem(reply, {400, 404, 422})
        # Changes through tricks: refused for the other enterprise.
        for name in encodings(world.giccid):
            reply = rawhttp.exchange(world.url, rawhttp.request_bytes("POST", f"/v1/global-sims/{name}/retire", {"X-API-Key": world.other_key}))
            assert_problem_or_closed(reply, {400, 404, 422})


# Paging


PAGED = ["/v1/global-sims", "/v1/global-sims/changeLogs", "/v1/sharePools", "/v1/global-sims/statistics/countries"]


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "size=0",
        "size=-5",
        "size=1001",
        "size=1000000000000000000000000000000",
        "page=9223372036854775808",
        "page=-9223372036854775809",
        "page=1e3",
        "size=1.5",
        "page=abc",
        "page=",
        "size=",
        "page=%00",
        "size=10%00",
        "page=0x10",
        "page=%2B1%2B1",
        "size=%EF%BC%91",
    ],
)
def test_bad_paging_values_are_422(world, query):
    with world.untouched():
        for path in PAGED + [f"/v1/batchJobs/{world.job_id}", f"/v1/{quote(ACCOUNT)}/servicePackages"]:
            started = time.monotonic()
            reply = world.get_v1(f"{path}?{query}")
            assert time.monotonic() - started < 5
            problem = assert_problem(reply, {422})
            assert {error["field"] for error in problem["errors"]} <= {"page", "size"}, problem
            assert all(error["code"] == "invalid" for error in problem["errors"]), problem


def test_the_largest_page_number_is_an_empty_page(world):
    with world.untouched():
        for path in PAGED + [f"/v1/batchJobs/{world.job_id}"]:
            reply = world.get_v1(f"{path}?page=9223372036854775807&size=1000")
            assert reply.status_code == 200, (path, reply.text[:300])
            body = reply.json()
            assert body["page"] == 9223372036854775807 and body["total"] >= 0
            items = [value for value in body.values() if isinstance(value, list)]
            assert items == [[]], body


# Header floods


def flood_reply(world: World, data: bytes, timeout: float = 20):
    try:
        return rawhttp.exchange(world.url, data, timeout=timeout)
    except TimeoutError:
        pytest.fail("the server neither answered nor closed the connection")


def test_thousands_of_headers_are_refused(world):
    with world.untouched():
        headers = {f"X-Flood-{n}": "v" for n in range(5_000)} | {"X-API-Key": DEMO_KEY}
        reply = flood_reply(world, rawhttp.request_bytes("GET", f"/v1/global-sims/{world.giccid}", headers))
        assert_problem(reply, {431})


def test_a_one_mib_header_value_is_refused(world):
    with world.untouched():
        headers = {"X-API-Key": DEMO_KEY, "X-Huge": "a" * LIMIT}
        reply = flood_reply(world, rawhttp.request_bytes("GET", f"/v1/global-sims/{world.giccid}", headers))
        assert_problem(reply, {431})
        # An API key of 1 MiB too.
        reply = flood_reply(world, rawhttp.request_bytes("GET", "/v1/enterprise", {"X-API-Key": "k" * LIMIT}))
        assert_problem(reply, {431})


def test_a_huge_request_line_is_refused(world):
    with world.untouched():
        for target in (f"/v1/global-sims/{'8' * LIMIT}", "/v1/global-sims?status=" + "A" * LIMIT, "/" + "a/" * (LIMIT // 2)):
            reply = flood_reply(world, rawhttp.request_bytes("GET", target, {"X-API-Key": DEMO_KEY}))
            assert_problem(reply, {431})


def test_a_header_flood_on_a_keep_alive_connection_leaves_others_served(world):
    """Many floods at once, each on its own connection, while a normal client keeps working."""
    with world.untouched():
        stop = threading.Event()

        def flood():
            while not stop.is_set():
                with contextlib.suppress(OSError, TimeoutError):
                    rawhttp.exchange(world.url, rawhttp.request_bytes("GET", "/v1/enterprise", {"X-Big": "b" * 200_000}), timeout=5)

        threads = [threading.Thread(target=flood) for _ in range(4)]
        for thread in threads:
            thread.start()
        try:
            for _ in range(20):
                world.assert_serves_others()
        finally:
            stop.set()
            for thread in threads:
                thread.join()


def test_raw_garbage_is_refused(world):
    with world.untouched():
        for data in (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64, b"\x00" * 4096, b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n"):
            assert_problem(rawhttp.exchange(world.url, data, timeout=5), {400})

