"""The soak script (bench/soak) keeps working: a short run against the built server passes."""

import subprocess
import sys

from conftest import REPO, server_binary


def test_a_short_soak_passes():
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "soak"), "--seconds", "20", "--interval", "5", "--clients", "4", "--binary", str(server_binary())],
        capture_output=True,
        text=True,
        timeout=180,
    )
    print(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "summary:" in run.stdout and "soak: passed" in run.stdout
