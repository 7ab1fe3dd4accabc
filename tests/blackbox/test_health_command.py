"""`smarthub-sim health`: the container image's health check."""

import subprocess

from conftest import server_binary, start_server, stop_server


def test_the_health_command_answers_for_a_running_server_and_fails_without_one():
    running = start_server()
    try:
        port = running.base_url.rsplit(":", 1)[1]
        by_variable = subprocess.run(
            [str(server_binary()), "health"], env={"SMARTHUB_SIM_PORT": port}, capture_output=True, text=True, timeout=30
        )
        assert by_variable.returncode == 0, by_variable.stderr
        assert '"status":"ok"' in by_variable.stdout.replace(" ", "")
    finally:
        stop_server(running)
    gone = subprocess.run(
        [str(server_binary()), "health", "--url", running.base_url], capture_output=True, text=True, timeout=30
    )
    assert gone.returncode == 1
    assert "did not answer" in gone.stderr


def test_the_health_command_sends_the_admin_token_from_its_variable():
    running = start_server("--admin-token", "t0k")
    try:
        port = running.base_url.rsplit(":", 1)[1]
        without = subprocess.run(
            [str(server_binary()), "health"], env={"SMARTHUB_SIM_PORT": port}, capture_output=True, text=True, timeout=30
        )
        assert without.returncode == 1
        assert "answered 401" in without.stderr
        with_token = subprocess.run(
            [str(server_binary()), "health"],
            env={"SMARTHUB_SIM_PORT": port, "SMARTHUB_SIM_ADMIN_TOKEN": "t0k"},
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert with_token.returncode == 0, with_token.stderr
    finally:
        stop_server(running)
