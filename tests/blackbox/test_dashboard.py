"""The dashboard at /_sim/ui, driven in headless Chromium: what a person sees matches the API.

Chromium and its driver come from Debian (`apt-get install chromium chromium-driver`, done by
.ci/run); selenium is given both paths, so nothing is downloaded when the tests run. Every wait is
an explicit wait for a condition of the page.

With DASHBOARD_SCREENSHOT=PATH, the push test saves what the browser shows to PATH (the README's
docs/dashboard.png is made this way).
"""

import http.server
import os
import shutil
import threading
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
import requests
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, start_server, stop_server

STATUSES = ["TEST_READY", "INVENTORY", "ACTIVATION_READY", "ACTIVATED", "DEACTIVATED", "RETIRED"]
WAIT_SECONDS = 15


def chromium_paths() -> tuple[str, str]:
    """The Chromium binary and its driver; fails (never skips) when they are not installed."""
    chromium = os.environ.get("CHROMIUM_BIN") or shutil.which("chromium")
    driver = os.environ.get("CHROMEDRIVER_BIN") or shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.fail(
            "the dashboard test needs Chromium and its driver: apt-get install -y chromium chromium-driver "
            "(or set CHROMIUM_BIN and CHROMEDRIVER_BIN); .ci/run installs them"
        )
    return chromium, driver


@pytest.fixture(scope="module")
def browser():
    chromium, driver_path = chromium_paths()
    # Selenium Manager must not look for (or download) a browser or driver of its own.
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,800", "--lang=en-US"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    yield driver
    driver.quit()


def wait_for(browser, condition, message: str):
    """Waits until `condition(browser)` is truthy (re-reading the page if it was redrawn meanwhile)."""
    wait = WebDriverWait(browser, WAIT_SECONDS, ignored_exceptions=[StaleElementReferenceException])
    return wait.until(condition, message)


def click(browser, selector: str) -> None:
    """Clicks the element once it is there (again if the page redrew it in between)."""

    def clicked(b):
        b.find_element(By.CSS_SELECTOR, selector).click()
        return True

    wait_for(browser, clicked, f"could not click {selector}")


def search_for(browser, text: str) -> None:
    """Types `text` into the search box, submits it, and waits for the answer."""
    box = browser.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text + "\n")
    wait_for(browser, lambda b: f"“{text}”" in text_of(b, "#sim-caption"), f"the search for {text} did not answer")


def open_dashboard(browser, server):
    browser.get(server.base_url + "/_sim/ui")
    wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#sim-table tbody tr"), "the SIM list never showed")


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z")


def text_of(browser, selector: str) -> str:
    return browser.find_element(By.CSS_SELECTOR, selector).text


def as_number(text: str) -> int:
    return int(text.replace(",", ""))


def with_query(path: str, **parameters) -> str:
    """`path?…` with spaces as %20 (the server reads `+` in a query as a plus sign)."""
    return f"{path}?{urlencode(parameters, quote_via=quote)}"


def total(server, **filters) -> int:
    answer = server.get(with_query("/v1/global-sims", **filters, size=1))
    assert answer.status_code == 200, answer.text
    return answer.json()["total"]


def control(server, method: str, path: str, **kwargs) -> requests.Response:
    answer = requests.request(method, server.base_url + "/_sim" + path, timeout=30, **kwargs)
    assert answer.status_code < 300, answer.text
    return answer


def test_the_counts_by_status_and_account_match_the_api(browser, server):
    open_dashboard(browser, server)
    enterprise = server.get("/v1/enterprise").json()
    # Every row and column of the table, the totals included
    for account in [*enterprise["accounts"], ""]:
        filters = {"accountName": account} if account else {}
        row = f'#counts tr[data-account="{account}"]'
        wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, row), f"no row for account {account!r}")
        for status in STATUSES:
            shown = text_of(browser, f'{row} button[data-status="{status}"]')
            assert as_number(shown) == total(server, status=status, **filters), (account, status)
        assert as_number(text_of(browser, f'{row} button[data-status=""]')) == total(server, **filters)
    # The account names are shown as they are, the Chinese one included
    names = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#counts tbody td:first-child")]
    assert names == enterprise["accounts"]
    assert "试用账户" in names
    assert text_of(browser, '#counts tfoot button[data-status=""]') == "50"


def test_a_count_lists_those_sims(browser, server):
    open_dashboard(browser, server)
    account = "试用账户"
    expected = server.get(with_query("/v1/global-sims", accountName=account, status="ACTIVATED", size=20)).json()
    click(browser, f'#counts tr[data-account="{account}"] button[data-status="ACTIVATED"]')
    expected_ids = [sim["giccid"] for sim in expected["sims"]]
    assert expected_ids, "the seed has an ACTIVATED SIM in this account"
    wait_for(
        browser,
        lambda b: [row.get_attribute("data-giccid") for row in b.find_elements(By.CSS_SELECTOR, "#sim-table tbody tr")] == expected_ids,
        "the list did not show the account's ACTIVATED SIMs",
    )
    assert f"account {account}" in text_of(browser, "#sim-caption")


def test_searching_for_an_iccid_shows_that_sim(browser, server):
    sim = server.get("/v1/global-sims", params={"status": "DEACTIVATED", "size": 2}).json()["sims"][1]
    open_dashboard(browser, server)
    browser.find_element(By.ID, "search").send_keys(sim["iccid"])
    click(browser, "#search-form button[type=submit]")
    wait_for(
        browser,
        lambda b: [row.get_attribute("data-giccid") for row in b.find_elements(By.CSS_SELECTOR, "#sim-table tbody tr")] == [sim["giccid"]],
        "the search did not narrow the list to the SIM",
    )
    row = text_of(browser, "#sim-table tbody tr")
    assert sim["giccid"] in row and "DEACTIVATED" in row and sim["accountName"] in row
    assert "1 found" in text_of(browser, "#sim-caption")
    # Searching by MSISDN finds it too; something unknown finds nothing
    search_for(browser, sim["msisdn"])
    assert text_of(browser, "#sim-caption") == f"1 found for “{sim['msisdn']}”"
    assert [row.get_attribute("data-giccid") for row in browser.find_elements(By.CSS_SELECTOR, "#sim-table tbody tr")] == [sim["giccid"]]
    search_for(browser, "8944000000000000001")
    assert not browser.find_elements(By.CSS_SELECTOR, "#sim-table tbody tr")
    assert text_of(browser, "#sim-caption").startswith("No SIM")


def test_opening_a_sim_shows_its_detail_and_change_log(browser, server):
    # Given a SIM suspended through the API
    giccid = server.get("/v1/global-sims", params={"status": "ACTIVATED", "size": 1}).json()["sims"][0]["giccid"]
    assert server.post(f"/v1/global-sims/{giccid}/suspend").status_code == 200
    sim = server.get(f"/v1/global-sims/{giccid}").json()
    log = server.get("/v1/global-sims/changeLogs", params={"giccid": giccid}).json()["changeLogs"]
    # When it is found and opened
    open_dashboard(browser, server)
    search_for(browser, giccid)
    click(browser, f'#sim-table tr[data-giccid="{giccid}"] button')
    # Then its detail shows, as the API gives it
    wait_for(browser, lambda b: text_of(b, '#sim-fields dd[data-field="giccid"]') == giccid, "the SIM's detail did not open")
    assert text_of(browser, '#sim-fields dd[data-field="status"]') == "DEACTIVATED"
    assert text_of(browser, '#sim-fields dd[data-field="imsi"]') == sim["imsi"]
    assert text_of(browser, '#sim-fields dd[data-field="accountName"]') == sim["accountName"]
    assert text_of(browser, '#sim-fields dd[data-field="basicServicePackageName"]') == sim["basicServicePackageName"]
    # And its change log, oldest first
    rows = wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#changelog-table tbody tr"), "no change log row")
    assert len(rows) == len(log) == 1
    cells = [cell.text for cell in rows[0].find_elements(By.TAG_NAME, "td")]
    assert cells == [log[0]["changeTime"], "STATUS", "ACTIVATED", "DEACTIVATED", "API"]


def test_a_clock_button_moves_the_shown_clock_and_the_server_clock(browser, server):
    before = control(server, "GET", "/clock").json()["now"]
    open_dashboard(browser, server)
    wait_for(browser, lambda b: text_of(b, "#clock-now") == before, "the page does not show the server's clock")
    assert text_of(browser, "#clock-mode") == "manual"
    # When the "+1 h" button is pressed
    click(browser, '[data-advance="1h"]')
    # Then the page and the server show the same time, one hour later
    wait_for(browser, lambda b: text_of(b, "#clock-now") != before, "the shown clock did not move")
    after = control(server, "GET", "/clock").json()["now"]
    assert text_of(browser, "#clock-now") == after
    assert parse_time(after) - parse_time(before) == timedelta(hours=1)


def test_a_batch_job_shows_with_its_progress(browser, server):
    # Given a job over three ACTIVATED SIMs and an unknown one, posted through the API
    sims = [sim["giccid"] for sim in server.get("/v1/global-sims", params={"status": "ACTIVATED", "size": 3}).json()["sims"]]
    posted = server.post("/v1/batchJobs/global-sims/deactivate", json={"giccids": [*sims, "8944000000000000001"]})
    assert posted.status_code == 201, posted.text
    job_id = posted.json()["jobId"]
    # Then the page shows it waiting
    open_dashboard(browser, server)
    row = f'#job-table tr[data-job-id="{job_id}"]'
    wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, row), "the job is not listed")
    assert "PROCESSING" in text_of(browser, row)
    assert "0 / 4 done" in text_of(browser, row)
    # When the clock moves on by a minute (from the page)
    click(browser, '[data-advance="1m"]')
    # Then it shows finished, with its failed task
    wait_for(browser, lambda b: "FINISHED" in text_of(b, row), "the job did not finish on the page")
    assert "4 / 4 done · 1 failed" in text_of(browser, row)
    assert browser.find_element(By.CSS_SELECTOR, f"{row} progress").get_attribute("value") == "4"
    job = server.get(f"/v1/batchJobs/{job_id}").json()
    assert job["status"] == "FINISHED" and [t["status"] for t in job["tasks"]].count("FAIL") == 1


class UnavailableReceiver(http.server.BaseHTTPRequestHandler):
    """A webhook receiver that answers every push with 503, so each one is retried."""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *arguments):
        pass


@pytest.fixture
def unavailable_webhook():
    receiver = http.server.HTTPServer(("127.0.0.1", 0), UnavailableReceiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{receiver.server_port}/hook"
    receiver.shutdown()


def test_push_deliveries_show_with_their_attempts(browser, server, unavailable_webhook):
    # Given a webhook that answers 503, a status change, and ten minutes (a first attempt and two retries)
    control(server, "PUT", "/webhooks", json={"url": unavailable_webhook})
    giccid = server.get("/v1/global-sims", params={"status": "DEACTIVATED", "size": 1}).json()["sims"][0]["giccid"]
    assert server.post(f"/v1/global-sims/{giccid}/activate").status_code == 200
    control(server, "POST", "/clock/advance", json={"by": "10m"})
    delivery = control(server, "GET", "/deliveries", params={"giccid": giccid, "eventType": "SIM_STATUS_CHANGE"}).json()["deliveries"][-1]
    attempts = delivery["attempts"]
    assert len(attempts) == 3 and delivery["state"] == "PENDING"
    # Then the page shows the push with its attempts
    open_dashboard(browser, server)
    item = f'#delivery-list [data-event-id="{delivery["eventId"]}"]'
    wait_for(browser, lambda b: b.find_elements(By.CSS_SELECTOR, item), "the push is not listed")
    summary = text_of(browser, f"{item} summary")
    assert "SIM_STATUS_CHANGE" in summary and giccid in summary and "PENDING" in summary
    assert text_of(browser, f"{item} .attempt-count") == "3 attempts"
    assert delivery["nextAttemptTime"] in summary
    # And opening it lists every attempt with its time and error
    click(browser, f"{item} summary")
    shown = wait_for(
        browser, lambda b: [li.text for li in b.find_elements(By.CSS_SELECTOR, f"{item} li.attempt") if li.text], "the attempts did not open"
    )
    assert len(shown) == 3
    for line, attempt in zip(shown, attempts):
        assert line.startswith(attempt["at"])
        assert "HTTP 503" in line and attempt["httpStatus"] == 503

    screenshot = os.environ.get("DASHBOARD_SCREENSHOT")
    if screenshot:
        show_a_sim_for_the_screenshot(browser, giccid)
        path = Path(screenshot)
        # The whole 1280x800 window as the page (the headless window keeps some of it for itself).
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
        try:
            browser.save_screenshot(str(path if path.is_absolute() else REPO / path))
        finally:
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def show_a_sim_for_the_screenshot(browser, giccid: str) -> None:
    search_for(browser, giccid)
    click(browser, f'#sim-table tr[data-giccid="{giccid}"] button')
    wait_for(browser, lambda b: text_of(b, '#sim-fields dd[data-field="giccid"]') == giccid, "the SIM's detail did not open")
    click(browser, "#search-clear")
    wait_for(browser, lambda b: "50 SIMs" in text_of(b, "#sim-caption"), "the whole list did not come back")


def test_with_an_admin_token_the_page_asks_for_it(browser):
    token_server = start_server("--clock", "manual", "--admin-token", "dashboard-secret")
    try:
        browser.get(token_server.base_url + "/_sim/ui")
        token_input = wait_for(browser, lambda b: b.find_element(By.ID, "token-input") if b.find_element(By.ID, "token-form").is_displayed() else None, "no token form")
        assert not browser.find_element(By.ID, "dashboard").is_displayed()
        # A wrong token is refused
        token_input.send_keys("wrong\n")
        wait_for(browser, lambda b: b.find_element(By.ID, "token-error").is_displayed(), "a wrong token was not refused")
        # The right one opens the dashboard, and the page sends it with each control call
        browser.find_element(By.ID, "token-input").send_keys("dashboard-secret\n")
        wait_for(browser, lambda b: b.find_element(By.ID, "dashboard").is_displayed(), "the dashboard did not open")
        wait_for(browser, lambda b: text_of(b, "#clock-now").startswith("20"), "the clock was not read with the token")
        wait_for(browser, lambda b: text_of(b, '#counts tfoot button[data-status=""]') == "50", "the counts did not show")
    finally:
        browser.execute_script("sessionStorage.clear()")
        stop_server(token_server)


def test_a_server_open_to_the_network_says_so_on_the_page(browser, server):
    # On loopback (the module's server) there is nothing to warn of
    open_dashboard(browser, server)
    assert not browser.find_element(By.ID, "server-warnings").is_displayed()
    # Listening on every interface without a token, the page names what is exposed
    exposed = start_server("--clock", "manual", "--host", "0.0.0.0")
    try:
        browser.get(exposed.base_url.replace("0.0.0.0", "127.0.0.1") + "/_sim/ui")
        wait_for(browser, lambda b: b.find_element(By.ID, "server-warnings").is_displayed(), "the exposure warning did not show")
        assert "without an admin token" in text_of(browser, "#server-warnings")
        assert "-p 127.0.0.1:8080:8080" in text_of(browser, "#server-warnings")
    finally:
        stop_server(exposed)


def test_a_large_fleet_is_paged_not_loaded(browser):
    large = start_server("--clock", "manual", "--generate-sims", "100000")
    try:
        browser.get(large.base_url + "/_sim/ui")
        wait_for(browser, lambda b: text_of(b, '#counts tfoot button[data-status=""]') == "100,050", "the fleet's total did not show")
        rows = browser.find_elements(By.CSS_SELECTOR, "#sim-table tbody tr")
        assert len(rows) == 20
        assert text_of(browser, "#sim-caption").startswith("1–20 of 100,050 SIMs")
        assert "Page 1 of 5,003" in text_of(browser, "#sim-pager")
        click(browser, '#sim-pager button[data-page="last"]')
        wait_for(browser, lambda b: "Page 5,003 of 5,003" in text_of(b, "#sim-pager"), "the last page did not show")
        last = large.get("/v1/global-sims", params={"page": 5002, "size": 20}).json()["sims"]
        wait_for(
            browser,
            lambda b: [row.get_attribute("data-giccid") for row in b.find_elements(By.CSS_SELECTOR, "#sim-table tbody tr")]
            == [sim["giccid"] for sim in last],
            "the last page's SIMs did not show",
        )
    finally:
        stop_server(large)
