"""The request log: one structured line per request at info, no bodies, silent above info."""

import json
import re
from pathlib import Path

import requests

from conftest import DEMO_KEY, start_server, stop_server

SECRET_IN_BODY = "body-marker-7f3c1e"


def request_lines(log_path: str) -> list[str]:
    return [line for line in Path(log_path).read_text(errors="replace").splitlines() if "http.path" in line]


def test_one_line_per_request_with_method_path_status_and_duration_but_no_body():
    running = start_server("--clock", "manual")
    try:
        # When: a GET, a refused call, and a PUT with a body
        assert running.get("/v1/enterprise?page=0").status_code == 200
        assert running.get("/v1/enterprise", key="wrong").status_code == 401
        giccid = running.get("/v1/global-sims?size=1").json()["sims"][0]["giccid"]
        put = requests.put(
            f"{running.base_url}/v1/global-sims/{giccid}/custom-field",
            headers={"X-API-Key": DEMO_KEY},
            json={"custom1": SECRET_IN_BODY},
            timeout=10,
        )
        assert put.status_code == 200
        # Then: one line each, with the fields as key=value metadata
        lines = request_lines(running.log_path)
        enterprise = [line for line in lines if "http.path=/v1/enterprise" in line]
        assert len(enterprise) == 2
        assert "http.method=GET" in enterprise[0] and "http.status=200" in enterprise[0]
        assert " info " in enterprise[0]
        assert re.search(r"http\.duration_ms=\d+\.\d{3}\b", enterprise[0])
        assert "page=0" not in enterprise[0]
        assert "http.status=401" in enterprise[1]
        custom = [line for line in lines if "/custom-field" in line]
        assert len(custom) == 1 and "http.method=PUT" in custom[0] and "http.status=200" in custom[0]
        # And no body anywhere in the log
        assert SECRET_IN_BODY not in Path(running.log_path).read_text(errors="replace")
    finally:
        stop_server(running)


def test_no_request_lines_at_log_level_warning():
    running = start_server("--clock", "manual", "--log-level", "warning")
    try:
        assert running.get("/v1/enterprise").status_code == 200
        assert running.get("/_sim/health", key=None).status_code == 200
        assert request_lines(running.log_path) == []
    finally:
        stop_server(running)


def test_json_log_format_gives_one_object_per_line():
    running = start_server("--clock", "manual", "--log-format", "json")
    try:
        assert running.get("/v1/enterprise").status_code == 200
        lines = request_lines(running.log_path)
        assert len(lines) == 1
        record = json.loads(lines[0])
        assert record["level"] == "info"
        assert record["http.method"] == "GET" and record["http.path"] == "/v1/enterprise" and record["http.status"] == "200"
        assert float(record["http.duration_ms"]) >= 0
    finally:
        stop_server(running)
