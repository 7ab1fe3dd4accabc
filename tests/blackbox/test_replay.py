"""smarthub-sim replay and record, as CI and a person use them."""

import subprocess
from pathlib import Path

from conftest import REPO, server_binary, start_server, stop_server

EXAMPLES = sorted(str(path.relative_to(REPO)) for path in (REPO / "scenarios" / "examples").glob("*.yaml"))


def replay(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(server_binary()), "replay", *arguments], capture_output=True, text=True, timeout=600, cwd=REPO)


def test_every_example_scenario_passes_and_two_replays_give_the_same_report(tmp_path):
    assert len(EXAMPLES) >= 5
    first = replay(*EXAMPLES, "--junit", str(tmp_path / "first.xml"))
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.endswith(f"\n{len(EXAMPLES)} passed, 0 failed\n")
    second = replay(*EXAMPLES, "--junit", str(tmp_path / "second.xml"))
    assert second.stdout == first.stdout
    assert (tmp_path / "second.xml").read_bytes() == (tmp_path / "first.xml").read_bytes()
    assert f'tests="{len(EXAMPLES)}" failures="0"' in (tmp_path / "first.xml").read_text()


def test_a_failing_scenario_exits_1_and_the_report_names_its_first_difference(tmp_path):
    scenario = tmp_path / "wrong.yaml"
    scenario.write_text(
        'name: Expects the wrong status\n'
        'steps:\n'
        '  - request: {method: POST, path: "/v1/global-sims/8944102015031152958/activate"}\n'
        '    expect: {body: {status: DEACTIVATED}}\n'
        '  - advance: 1s\n'
    )
    result = replay(str(scenario), "--junit", str(tmp_path / "report.xml"))
    assert result.returncode == 1
    assert 'FAIL  1. POST /v1/global-sims/8944102015031152958/activate: at $.status: expected "DEACTIVATED", got "ACTIVATED"' in result.stdout
    assert "skip  2. advance 1s" in result.stdout
    assert result.stdout.endswith("\n0 passed, 1 failed\n")
    assert '<failure message="step 1 (POST /v1/global-sims/8944102015031152958/activate): at $.status' in (tmp_path / "report.xml").read_text()


def test_an_unreadable_scenario_is_reported_and_fails(tmp_path):
    scenario = tmp_path / "broken.yaml"
    scenario.write_text("name: Two actions\nsteps:\n  - advance: 1s\n    fault: {rateLimit: {perSecond: 1}}\n")
    result = replay(str(scenario))
    assert result.returncode == 1
    assert "broken.yaml: steps[0]: a step has exactly one of" in result.stdout


def test_a_recording_of_a_server_replays_to_the_same_results(tmp_path):
    server = start_server("--clock", "manual")
    try:
        giccid = "8944102015031152958"
        job = server.post("/v1/batchJobs/global-sims/activate", json={"giccids": [giccid]}).json()["jobId"]
        assert server.post("/_sim/clock/advance", key=None, json={"by": "5s"}).status_code == 200
        assert server.get(f"/v1/batchJobs/{job}").json()["status"] == "FINISHED"
        assert server.post(f"/v1/global-sims/{giccid}/retire").status_code == 422
        assert server.get("/v1/global-sims/8944000000000000001").status_code == 404
        recorded = tmp_path / "recorded.yaml"
        result = subprocess.run(
            [str(server_binary()), "record", "--server", server.base_url, "--out", str(recorded)], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
    finally:
        stop_server(server)
    text = recorded.read_text()
    assert "capture:" in text and "${jobId1}" in text
    again = replay(str(recorded))
    assert again.returncode == 0, again.stdout
    assert again.stdout.endswith("\n1 passed, 0 failed\n")


def test_every_example_follows_the_documented_json_schema():
    import json

    import jsonschema
    import yaml

    schema = json.loads((REPO / "scenarios" / "scenario.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for example in EXAMPLES:
        errors = sorted(validator.iter_errors(yaml.safe_load((REPO / example).read_text())), key=str)
        assert not errors, f"{example}: {errors[0].message} at {list(errors[0].absolute_path)}"
    broken = {"name": "x", "steps": [{"advance": "1s", "fault": {"rateLimit": {"perSecond": 1}}}]}
    assert list(validator.iter_errors(broken)), "two actions in one step must break the schema"


def test_replay_and_record_send_the_admin_token_to_a_server_that_needs_it(tmp_path):
    server = start_server("--clock", "manual", "--admin-token", "t0k")
    try:
        scenario = "scenarios/examples/sim-lifecycle.yaml"
        refused = replay("--server", server.base_url, scenario)
        assert refused.returncode != 0
        let_in = replay("--server", server.base_url, "--admin-token", "t0k", scenario)
        assert let_in.returncode == 0, let_in.stdout + let_in.stderr
        recorded = tmp_path / "recorded.yaml"
        record = [str(server_binary()), "record", "--server", server.base_url, "--out", str(recorded)]
        assert subprocess.run(record, capture_output=True, text=True, timeout=60).returncode != 0
        with_token = subprocess.run([*record, "--admin-token", "t0k"], capture_output=True, text=True, timeout=60)
        assert with_token.returncode == 0, with_token.stderr
    finally:
        stop_server(server)
