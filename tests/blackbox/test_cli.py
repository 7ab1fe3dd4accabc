"""The command line as a new user meets it."""

import subprocess

from conftest import DEMO_KEY, server_binary, start_server, stop_server


def test_serve_prints_the_base_url_and_the_demo_key():
    running = start_server()
    try:
        assert f"{running.base_url}/v1" in running.banner
        assert DEMO_KEY in running.banner
        health = running.get("/_sim/health", key=None).json()
        assert health["status"] == "ok"
        assert health["clockMode"] == "real"
    finally:
        stop_server(running)


def test_a_seed_with_an_error_is_refused_naming_file_entry_and_problem(tmp_path):
    seed = tmp_path / "broken.yaml"
    text = (server_binary().parents[2] / "seed-data" / "default.yaml").read_text()
    seed.write_text(text.replace("status: ACTIVATED", "status: SLEEPING", 1))
    result = subprocess.run(
        [str(server_binary()), "serve", "--port", "0", "--seed", str(seed)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert "broken.yaml" in result.stderr
    assert "sims[" in result.stderr and "status" in result.stderr
    assert "SLEEPING" in result.stderr


def test_the_journal_keeps_as_many_requests_and_body_bytes_as_told():
    running = start_server("--clock", "manual", "--journal-size", "2", "--journal-body-limit", "10")
    try:
        for _ in range(3):
            assert running.get("/v1/enterprise").status_code == 200
        entries = running.get("/_sim/requests", key=None).json()["requests"]
        assert [entry["id"] for entry in entries] == [2, 3]
        assert all(len(entry["responseBody"].encode()) <= 10 and entry["responseBodyTruncated"] for entry in entries)
    finally:
        stop_server(running)
