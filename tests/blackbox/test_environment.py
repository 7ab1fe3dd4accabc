"""Configuration by environment variables (SMARTHUB_SIM_<OPTION>), as a container gets it."""

import socket
import subprocess

from conftest import REPO, server_binary, start_server, stop_server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def demo_seed_named(name: str) -> str:
    return (REPO / "seed-data" / "default.yaml").read_text().replace('name: "Demo IoT Ltd"', f'name: "{name}"', 1)


def serve_refused(environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(server_binary()), "serve", "--port", "0"],
        env={"PATH": "/usr/bin:/bin", **environment},
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_variables_configure_the_server():
    # Given the port, the clock and the journal size as variables only
    port = free_port()
    running = start_server(
        environment={"SMARTHUB_SIM_PORT": str(port), "SMARTHUB_SIM_CLOCK": "manual", "SMARTHUB_SIM_JOURNAL_SIZE": "1"}, port=None
    )
    try:
        # Then the server listens on that port, with a manual clock, and keeps one request
        assert running.base_url == f"http://127.0.0.1:{port}"
        assert running.get("/_sim/health", key=None).json()["clockMode"] == "manual"
        for _ in range(2):
            running.get("/v1/enterprise")
        assert len(running.get("/_sim/requests", key=None).json()["requests"]) == 1
    finally:
        stop_server(running)


def test_an_option_on_the_command_line_wins_over_its_variable():
    running = start_server("--clock", "real", environment={"SMARTHUB_SIM_CLOCK": "manual"})
    try:
        assert running.get("/_sim/health", key=None).json()["clockMode"] == "real"
    finally:
        stop_server(running)


def test_a_bad_value_stops_the_start_naming_the_variable():
    result = serve_refused({"SMARTHUB_SIM_CLOCK": "sometimes"})
    assert result.returncode != 0
    assert "SMARTHUB_SIM_CLOCK='sometimes' is not valid: expected one of manual, real" in result.stderr

    result = serve_refused({"SMARTHUB_SIM_JOURNAL_SIZE": "-3"})
    assert result.returncode != 0
    assert "SMARTHUB_SIM_JOURNAL_SIZE must be 0 or more" in result.stderr


def test_the_seed_from_a_file_named_by_a_variable(tmp_path):
    seed = tmp_path / "mounted.yaml"
    seed.write_text(demo_seed_named("Mounted Seed Ltd"))
    running = start_server(environment={"SMARTHUB_SIM_SEED": str(seed)})
    try:
        assert running.get("/v1/enterprise").json()["name"] == "Mounted Seed Ltd"
    finally:
        stop_server(running)


def test_the_seed_document_in_a_variable():
    running = start_server(environment={"SMARTHUB_SIM_SEED_YAML": demo_seed_named("Variable Seed Ltd")})
    try:
        assert running.get("/v1/enterprise").json()["name"] == "Variable Seed Ltd"
    finally:
        stop_server(running)


def test_a_seed_document_with_an_error_is_refused_naming_the_variable():
    broken = demo_seed_named("Broken Ltd").replace("status: ACTIVATED", "status: SLEEPING", 1)
    result = serve_refused({"SMARTHUB_SIM_SEED_YAML": broken})
    assert result.returncode != 0
    assert "SMARTHUB_SIM_SEED_YAML" in result.stderr and "SLEEPING" in result.stderr


def test_help_names_the_variables():
    text = subprocess.run([str(server_binary()), "serve", "--help"], capture_output=True, text=True, timeout=30).stdout
    for variable in ["SMARTHUB_SIM_HOST", "SMARTHUB_SIM_PORT", "SMARTHUB_SIM_SEED", "SMARTHUB_SIM_SEED_YAML", "SMARTHUB_SIM_LOG_LEVEL"]:
        assert variable in text
