"""The pytest plugin: fixtures ``smarthub_server`` (one simulator per session, or per xdist worker)
and ``smarthub`` (a fresh tenant with its own clock per test)."""

import os

import pytest

from .server import SmarthubServer
from .tenant import SmarthubTenant


@pytest.fixture(scope="session")
def smarthub_server():
    """The simulator: ``SMARTHUB_SIM_URL`` when set, else one started for the session (each xdist
    worker starts its own) and stopped at its end."""
    server = SmarthubServer.from_environment()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smarthub(smarthub_server, request):
    """A fresh enterprise for this test, copied from the default seed, with its own clock; deleted
    after the test, with its faults and its webhook receiver."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    tenant = SmarthubTenant(smarthub_server, name_prefix=f"pytest-{worker}")
    yield tenant
    problems = tenant.close()
    if problems:
        pytest.fail("smarthub teardown: " + "; ".join(problems), pytrace=False)
