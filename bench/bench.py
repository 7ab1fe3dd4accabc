"""Runs the smarthub-sim benchmark against nginx serving the same bytes (see bench/run).

Every figure is measured in this run on this machine; targets are ratios to nginx or bounds.
Writes bench/results/latest.json and bench/results/latest.md.
"""

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

BINARY = sys.argv[1]
FLOOR_BINARY = sys.argv[2]
ROOT = Path(__file__).resolve().parent
QUICK = os.environ.get("BENCH_QUICK") == "1"
DURATION = "5s" if QUICK else "10s"
LARGE = 200_000 if QUICK else 1_000_000
KEY = "demo-key-0d1f6a2c9e4b7385"
HEADERS = {"X-API-Key": KEY}


class Server:
    """A smarthub-sim process on a free port, with its start time and memory."""

    def __init__(self, sims: int, data_dir: Path | None = None):
        self.log = tempfile.NamedTemporaryFile(prefix="bench-sim-", suffix=".log", delete=False)
        started = time.monotonic()
        durable = ["--data-dir", str(data_dir)] if data_dir else []
        self.process = subprocess.Popen(
            # Request logging off, as nginx's access log is: both measure serving, not logging.
            [BINARY, "serve", "--port", "0", "--clock", "manual", "--generate-sims", str(sims), "--log-level", "warning", *durable],
            stdout=self.log, stderr=subprocess.STDOUT,
        )
        self.base = wait_for_ready_line(self.process, Path(self.log.name), r"smarthub-sim ready on (http://\S+)", "Contracts:", 300)
        self.start_seconds = time.monotonic() - started

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def giccids(self, status: str, count: int, skip: int = 0) -> list[str]:
        found: list[str] = []
        page = skip // 1000
        while len(found) < count:
            reply = requests.get(f"{self.base}/v1/global-sims", params={"status": status, "size": 1000, "page": page}, headers=HEADERS, timeout=60)
            sims = reply.json()["sims"]
            if not sims:
                break
            found += [sim["giccid"] for sim in sims if sim["giccid"].startswith("894477")]
            page += 1
        return found[:count]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Nginx:
    """nginx with one worker serving `body` at /sim.json and answering 204 to POST /hook."""

    def __init__(self, body: bytes):
        self.directory = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
        (self.directory / "sim.json").write_bytes(body)
        self.port = free_port()
        config = self.directory / "nginx.conf"
        config.write_text(f"""
worker_processes 1;
daemon off;
pid {self.directory}/nginx.pid;
error_log {self.directory}/error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {self.directory};
    proxy_temp_path {self.directory};
    fastcgi_temp_path {self.directory};
    uwsgi_temp_path {self.directory};
    scgi_temp_path {self.directory};
    server {{
        listen 127.0.0.1:{self.port};
        root {self.directory};
        location = /sim.json {{ default_type application/json; }}
        location /hook {{ return 204; }}
    }}
}}
""")
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = subprocess.Popen([binary, "-c", str(config), "-p", str(self.directory)], stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/sim.json", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.05)
        raise SystemExit("nginx did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class HummingbirdFloor:
    """Hummingbird alone serving `body` at /sim.json: the ceiling of the server's HTTP stack."""

    def __init__(self, body: bytes, event_loop_executor: bool):
        self.directory = Path(tempfile.mkdtemp(prefix="bench-floor-"))
        (self.directory / "sim.json").write_bytes(body)
        log = self.directory / "floor.log"
        arguments = [FLOOR_BINARY, str(self.directory / "sim.json")] + (["--event-loop-executor"] if event_loop_executor else [])
        self.process = subprocess.Popen(arguments, stdout=log.open("w"), stderr=subprocess.STDOUT)
        self.base = wait_for_ready_line(self.process, log, r"ready on (http://\S+)", "", 30)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def wait_for_ready_line(process: subprocess.Popen, log: Path, pattern: str, also: str, seconds: float) -> str:
    """The base URL that `process` prints (the first group of `pattern`) once its log also holds `also`."""
    deadline = time.monotonic() + seconds
    while True:
        text = log.read_text(errors="replace")
        match = re.search(pattern, text)
        if match and also in text:
            return match.group(1)
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"{process.args[0]} did not start:\n" + text)
        time.sleep(0.01)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url: str, script: str | None = None, arguments: list[str] | None = None, connections: int = 32) -> dict:
    """One wrk run (1 thread, 32 connections unless told): requests a second, p50 and p99 in ms, errors."""
    command = ["wrk", "-t1", f"-c{connections}", "-d", DURATION, "--latency", "-H", f"X-API-Key: {KEY}"]
    if script:
        command += ["-s", str(ROOT / script)]
    command.append(url)
    if arguments:
        command += ["--", *arguments]
    output = subprocess.run(command, capture_output=True, text=True, timeout=300).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {m.group(1): to_ms(m.group(2)) for m in re.finditer(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"requestsPerSecond": rate, "p50Ms": latency.get("50"), "p99Ms": latency.get("99"), "non2xx": int(errors.group(1)) if errors else 0}


def to_ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def timed_advance(server: Server, by: str) -> float:
    started = time.monotonic()
    reply = requests.post(f"{server.base}/_sim/clock/advance", json={"by": by}, timeout=600)
    assert reply.status_code == 200, reply.text
    return time.monotonic() - started


def batch(server: Server, kind: str, giccids: list[str]) -> str:
    reply = requests.post(f"{server.base}/v1/batchJobs/global-sims/{kind}", json={"giccids": giccids}, headers=HEADERS, timeout=60)
    assert reply.status_code == 201, reply.text
    return reply.json()["jobId"]


def main():
    results: dict = {"machine": {"cpus": os.cpu_count(), "system": platform.platform()}, "duration": DURATION, "http": {}}

    # --- 100k SIMs: HTTP against nginx, start, memory, batch, pushes
    server = Server(100_000)
    results["start100kSeconds"] = round(server.start_seconds, 3)
    results["rss100kMiB"] = round(server.rss_mib(), 1)
    activated = server.giccids("ACTIVATED", 30_000)
    detail_path = f"/v1/global-sims/{activated[0]}"
    detail = requests.get(server.base + detail_path, headers=HEADERS, timeout=10).content
    nginx = Nginx(detail)
    pool = ROOT / "results" / ".pool.txt"
    pool.write_text("\n".join(activated[:20_000]) + "\n")
    try:
        results["http"]["nginx static file"] = wrk(f"http://127.0.0.1:{nginx.port}/sim.json")
        # The ceiling of the HTTP stack: Hummingbird alone, the same bytes, with tasks on Swift
        # concurrency's pool (its default) and on the event loops (as the simulator runs).
        for executor, name in ((False, "Hummingbird alone, same bytes (default executor)"), (True, "Hummingbird alone, same bytes (event-loop executor)")):
            floor = HummingbirdFloor(detail, event_loop_executor=executor)
            try:
                results["http"][name] = wrk(floor.base + "/sim.json")
            finally:
                floor.stop()
        # The server's own ceiling: the smallest answer it has, through its HTTP stack.
        results["http"]["GET /_sim/health (floor of the server)"] = wrk(server.base + "/_sim/health")
        results["http"]["GET SIM detail"] = wrk(server.base + detail_path)
        results["http"]["GET list (status, size 100)"] = wrk(server.base + "/v1/global-sims?status=ACTIVATED&size=100")
        results["http"]["POST deactivate/activate"] = wrk(server.base + "/", "write-cycle.lua", [str(pool)])
        results["http"]["PUT custom-field"] = wrk(server.base + "/", "custom-field.lua", [str(pool)])
        results["detailBytes"] = len(detail)

        # A 10,000-SIM batch job: the wall time of the one advance that runs it.
        inventory = server.giccids("INVENTORY", 10_000)
        job = batch(server, "activate", inventory)
        results["batch10kSeconds"] = round(timed_advance(server, "1h"), 3)
        assert requests.get(f"{server.base}/v1/batchJobs/{job}", headers=HEADERS, timeout=60).json()["status"] == "FINISHED"

        # Push deliveries: the same job again (deactivate), now with a webhook on nginx; the advance
        # runs the job and delivers its 10,000 pushes; the job alone took the time measured above.
        requests.put(f"{server.base}/_sim/webhooks", json={"url": f"http://127.0.0.1:{nginx.port}/hook"}, timeout=10)
        batch(server, "deactivate", activated[20_000:30_000])
        total = timed_advance(server, "1h")
        delivered = requests.get(f"{server.base}/_sim/deliveries", params={"state": "DELIVERED", "size": 1}, timeout=60).json()["total"]
        results["pushes"] = {"delivered": delivered, "seconds": round(total, 3)}
        results["pushesPerSecond"] = round(delivered / max(total - results["batch10kSeconds"], 1e-3))
        results["rss100kAfterLoadMiB"] = round(server.rss_mib(), 1)
    finally:
        server.stop()
        nginx.stop()
        pool.unlink(missing_ok=True)

    # --- the large world: start, memory, list latency
    large = Server(LARGE)
    try:
        results["largeSims"] = LARGE
        results["startLargeSeconds"] = round(large.start_seconds, 3)
        results["rssLargeMiB"] = round(large.rss_mib(), 1)
        results["http"][f"GET list at {LARGE // 1000}k SIMs"] = wrk(large.base + "/v1/global-sims?status=ACTIVATED&size=100")
        # The same with one client: the latency of a list itself, without 31 others queued before it.
        results["http"][f"GET list at {LARGE // 1000}k SIMs, one client"] = wrk(
            large.base + "/v1/global-sims?status=ACTIVATED&size=100", connections=1
        )
        pool = ROOT / "results" / ".pool.txt"
        pool.write_text("\n".join(large.giccids("ACTIVATED", 20_000)) + "\n")
        results["http"][f"POST deactivate/activate at {LARGE // 1000}k SIMs"] = wrk(large.base + "/", "write-cycle.lua", [str(pool)])
        pool.unlink(missing_ok=True)
    finally:
        large.stop()

    # --- --data-dir: the same writes made durable, restarts, database size
    results["durable"] = {
        "100k": durable(100_000, results["start100kSeconds"], results["http"]["POST deactivate/activate"]["requestsPerSecond"]),
        f"{LARGE // 1000}k": durable(
            LARGE, results["startLargeSeconds"], results["http"][f"POST deactivate/activate at {LARGE // 1000}k SIMs"]["requestsPerSecond"]
        ),
    }

    http = results["http"]
    nginx_rate = http["nginx static file"]["requestsPerSecond"]
    list_large = http[f"GET list at {LARGE // 1000}k SIMs"]
    durable_large = results["durable"][f"{LARGE // 1000}k"]
    durable_100k = results["durable"]["100k"]
    results["targets"] = [
        check("GET detail ≥ 50 % of nginx", http["GET SIM detail"]["requestsPerSecond"] / nginx_rate, 0.5, "ratio"),
        check("POST state changes ≥ 25 % of nginx", http["POST deactivate/activate"]["requestsPerSecond"] / nginx_rate, 0.25, "ratio"),
        check(f"list p99 < 20 ms at {LARGE // 1000}k SIMs (32 connections)", list_large["p99Ms"], 20, "below"),
        check(
            f"list p99 < 20 ms at {LARGE // 1000}k SIMs (one client)", http[f"GET list at {LARGE // 1000}k SIMs, one client"]["p99Ms"], 20, "below"
        ),
        check(f"RSS < 1.5 GB at {LARGE // 1000}k SIMs", results["rssLargeMiB"], 1536, "below"),
        check("start < 1 s at 100k SIMs", results["start100kSeconds"], 1, "below"),
        check("10k-SIM batch < 1 s", results["batch10kSeconds"], 1, "below"),
        check("≥ 5,000 push deliveries/s", results["pushesPerSecond"], 5000, "atLeast"),
        check("--data-dir POST state changes ≥ 50 % of in memory at 100k SIMs", durable_100k["ratioToMemory"], 0.5, "ratio"),
        check(f"--data-dir POST state changes ≥ 50 % of in memory at {LARGE // 1000}k SIMs", durable_large["ratioToMemory"], 0.5, "ratio"),
        check(f"--data-dir single write p50 < 5 ms at {LARGE // 1000}k SIMs", durable_large["singleWrite"]["p50Ms"], 5, "below"),
        check("--data-dir restart < 2 s at 100k SIMs", durable_100k["restartSeconds"], 2, "below"),
        check(
            f"--data-dir restart ≤ fresh start at {LARGE // 1000}k SIMs",
            durable_large["restartSeconds"] / durable_large["freshStartInMemorySeconds"], 1.0001, "below",
        ),
    ]
    out = ROOT / "results"
    (out / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    (out / "latest.md").write_text(markdown(results))
    print(markdown(results))


def durable(sims: int, fresh_start: float, memory_rate: float) -> dict:
    """A world of `sims` SIMs with --data-dir: first start (which writes the whole world), POST
    state changes under 32 connections and under one, restart time, database size per SIM."""
    folder = Path(tempfile.mkdtemp(prefix="bench-durable-"))
    pool = ROOT / "results" / ".pool.txt"
    figures: dict = {"sims": sims, "freshStartInMemorySeconds": fresh_start}
    try:
        server = Server(sims, folder)
        try:
            figures["firstStartSeconds"] = round(server.start_seconds, 3)
            pool.write_text("\n".join(server.giccids("ACTIVATED", 20_000)) + "\n")
            figures["post32"] = wrk(server.base + "/", "write-cycle.lua", [str(pool)])
            figures["singleWrite"] = wrk(server.base + "/", "write-cycle.lua", [str(pool)], connections=1)
        finally:
            server.stop()
        size = sum(path.stat().st_size for path in folder.iterdir())
        figures["databaseBytesPerSIM"] = round(size / sims)
        restarted = Server(sims, folder)
        figures["restartSeconds"] = round(restarted.start_seconds, 3)
        restarted.stop()
        figures["ratioToMemory"] = round(figures["post32"]["requestsPerSecond"] / memory_rate, 3)
    finally:
        pool.unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def check(name: str, value: float, bound: float, kind: str) -> dict:
    met = value >= bound if kind in ("ratio", "atLeast") else value < bound
    return {"target": name, "value": round(value, 3), "met": met}


def markdown(results: dict) -> str:
    lines = [
        f"Measured on {results['machine']['cpus']} CPUs ({results['machine']['system']}), wrk -t1 -c32 -d{results['duration']} on loopback;"
        f" nginx with one worker serving the same {results['detailBytes']} bytes as a SIM detail, access log off;"
        " the server at --log-level warning (no request log).",
        "",
        "| load | req/s | p50 ms | p99 ms | non-2xx | vs nginx |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    nginx_rate = results["http"]["nginx static file"]["requestsPerSecond"]
    for name, run in results["http"].items():
        lines.append(
            f"| {name} | {run['requestsPerSecond']:,.0f} | {run['p50Ms']:.2f} | {run['p99Ms']:.2f} | {run['non2xx']} | {run['requestsPerSecond'] / nginx_rate:.0%} |"
        )
    lines += [
        "",
        f"Start with 100k SIMs: {results['start100kSeconds']} s, RSS {results['rss100kMiB']} MiB"
        f" ({results['rss100kAfterLoadMiB']} MiB after the loads). With {results['largeSims']:,} SIMs: start {results['startLargeSeconds']} s,"
        f" RSS {results['rssLargeMiB']} MiB. One advance running a 10,000-SIM batch job: {results['batch10kSeconds']} s."
        f" Push deliveries to nginx: {results['pushesPerSecond']:,}/s ({results['pushes']['delivered']:,} in {results['pushes']['seconds']} s with the job).",
        "",
        "With `--data-dir` (POST deactivate/activate, wrk -c32 and -c1; restart on the data folder; fresh start in memory from the same run):",
        "",
        "| world | req/s (c32) | vs in memory | p50 / p99 ms | single write p50 / p99 ms | first start s | restart s | fresh start s | DB bytes/SIM |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *[
            f"| {name} | {d['post32']['requestsPerSecond']:,.0f} | {d['ratioToMemory']:.0%} | {d['post32']['p50Ms']:.2f} / {d['post32']['p99Ms']:.2f} |"
            f" {d['singleWrite']['p50Ms']:.2f} / {d['singleWrite']['p99Ms']:.2f} | {d['firstStartSeconds']} | {d['restartSeconds']} |"
            f" {d['freshStartInMemorySeconds']} | {d['databaseBytesPerSIM']} |"
            for name, d in results["durable"].items()
        ],
        "",
        "| target | measured | met |",
        "|---|---:|:---:|",
    ]
    for target in results["targets"]:
        lines.append(f"| {target['target']} | {target['value']} | {'yes' if target['met'] else 'no'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
