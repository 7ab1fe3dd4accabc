"""A new tenant copies the demo enterprise's declared SIMs; its generated SIMs only when asked."""

import time
from pathlib import Path

import pytest

from conftest import start_server, stop_server

GENERATED = 100_000


def rss_kib(server) -> int:
    for line in Path(f"/proc/{server.process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS line")


def sim_total(server, key: str) -> int:
    reply = server.get("/v1/global-sims", key=key, params={"page": 0, "size": 1})
    assert reply.status_code == 200, reply.text
    return reply.json()["total"]


@pytest.fixture(scope="module")
def fleet():
    running = start_server("--clock", "manual", "--generate-sims", str(GENERATED))
    yield running
    stop_server(running)


def create(server, body: dict):
    return server.post("/_sim/enterprises", key=None, json=body)


def test_a_default_tenant_costs_the_same_whatever_the_fleet(fleet):
    demo_total = sim_total(fleet, "demo-key-0d1f6a2c9e4b7385")
    before = rss_kib(fleet)
    started = time.monotonic()
    made = create(fleet, {"name": "small-copy"})
    elapsed = time.monotonic() - started
    assert made.status_code == 201, made.text
    assert sim_total(fleet, made.json()["apiKey"]) == demo_total - GENERATED
    assert rss_kib(fleet) - before < 5 * 1024, "a default tenant must not copy the generated fleet"
    assert elapsed < 0.5, f"creating a default tenant took {elapsed:.3f} s"


def test_with_generated_sims_copies_the_whole_fleet(fleet):
    demo_total = sim_total(fleet, "demo-key-0d1f6a2c9e4b7385")
    made = create(fleet, {"name": "full-copy", "withGeneratedSims": True})
    assert made.status_code == 201, made.text
    assert sim_total(fleet, made.json()["apiKey"]) == demo_total


def test_generated_sims_with_the_empty_seed_are_refused(fleet):
    refused = create(fleet, {"name": "nothing", "seed": "empty", "withGeneratedSims": True})
    assert refused.status_code == 422
    assert refused.headers["Content-Type"].startswith("application/problem+json")
    assert "withGeneratedSims" in refused.text
    assert all(e["name"] != "nothing" for e in fleet.get("/_sim/enterprises", key=None).json()["enterprises"])


def test_a_non_boolean_is_refused(fleet):
    refused = create(fleet, {"name": "odd", "withGeneratedSims": "yes"})
    assert refused.status_code in (400, 422)
    assert refused.headers["Content-Type"].startswith("application/problem+json")
