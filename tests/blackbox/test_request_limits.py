"""Bodies over the limit are refused with 413, also when their length is not declared."""

import requests

from conftest import DEMO_KEY


def chunks(total: int, size: int = 64 * 1024):
    """A JSON body of about `total` bytes, sent in chunks (no Content-Length)."""
    yield b'{"custom1": "'
    sent = 0
    while sent < total:
        yield b"a" * size
        sent += size
    yield b'"}'


def test_a_chunked_body_over_one_mebibyte_is_413_on_both_apis(server):
    giccid = server.get("/v1/global-sims?size=1").json()["sims"][0]["giccid"]
    headers = {"Content-Type": "application/json"}
    for path, key in ((f"/v1/global-sims/{giccid}/custom-field", DEMO_KEY), ("/_sim/settings", None)):
        extra = {"X-API-Key": key} if key else {}
        reply = requests.put(server.base_url + path, data=chunks(2 << 20), headers=headers | extra, timeout=30)
        assert reply.status_code == 413, (path, reply.status_code, reply.text[:200])
        assert reply.json()["title"] == "Payload Too Large"
