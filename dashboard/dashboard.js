// smarthub-sim dashboard: reads the Smarthub API (/v1, with the chosen enterprise's X-API-Key) and
// the control API (/_sim) of the server that serves it. Plain JavaScript, no dependencies.
// Text from the server is always set with textContent (never parsed as HTML).
"use strict";

(() => {
  const STATUSES = ["TEST_READY", "INVENTORY", "ACTIVATION_READY", "ACTIVATED", "DEACTIVATED", "RETIRED"];
  const SEARCH_FIELDS = ["iccid", "imsi", "msisdn", "imei"];
  const SIM_PAGE_SIZE = 20;
  const CHANGE_LOG_PAGE_SIZE = 10;
  const JOB_PAGE_SIZE = 8;
  const DELIVERY_PAGE_SIZE = 8;
  const REFRESH_INTERVAL_MS = 5000;
  const TOKEN_KEY = "smarthub-sim.adminToken";
  const ENTERPRISE_KEY = "smarthub-sim.enterprise";

  const state = {
    enterprises: [],
    enterprise: null, // {name, apiKey}
    accounts: [],
    filter: { status: null, accountName: null },
    search: null, // the searched text, or null
    simPage: 0,
    selectedGiccid: null,
    changeLogPage: 0,
    jobPage: 0,
    deliveryPage: null, // null follows the last page (the newest deliveries)
    deliveryState: "",
    openDeliveries: new Set(),
  };

  // ------------------------------------------------------------------ DOM helpers

  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "className") node.className = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const badge = (text) => el("span", { className: `badge ${text}` }, text);
  /** A status name that may break after its underscores (ACTIVATION_ / READY). */
  const breakable = (text) => text.split("_").flatMap((part, index, parts) => (index < parts.length - 1 ? [`${part}_`, el("wbr")] : [part]));
  const orDash = (value) => (value === null || value === undefined || value === "" ? "—" : value);

  function formatBytes(bytes) {
    if (bytes === null || bytes === undefined) return "—";
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
  }

  const number = (value) => value.toLocaleString("en");

  // ------------------------------------------------------------------ Calls

  class ApiError extends Error {
    constructor(status, problem, path) {
      const title = problem && (problem.detail || problem.title);
      const issue = problem && Array.isArray(problem.errors) && problem.errors[0];
      super(`${path}: ${status} ${title || "error"}${issue && issue.message ? ` (${issue.message})` : ""}`);
      this.status = status;
      this.problem = problem;
    }
  }

  async function call(path, { method = "GET", body, headers = {} } = {}) {
    const init = { method, headers: { Accept: "application/json", ...headers } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) throw new ApiError(response.status, data, path);
    return data;
  }

  /** A call of the control API, with the admin token when this tab has one. */
  function control(path, options = {}) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return call(`/_sim${path}`, { ...options, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  }

  /**
   * A read of the Smarthub API as the chosen enterprise. X-Sim-Observer keeps it out of the request
   * journal and away from HTTP faults and the rate limit: watching must not change what tests see.
   */
  function api(path) {
    return call(`/v1${path}`, { headers: { "X-API-Key": state.enterprise.apiKey, "X-Sim-Observer": "dashboard" } });
  }

  /** A query string; values are percent-encoded (a space as %20: the server reads `+` as itself). */
  function query(parameters) {
    const pairs = Object.entries(parameters)
      .filter(([, value]) => value !== null && value !== undefined && value !== "")
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    return pairs.length ? `?${pairs.join("&")}` : "";
  }

  const needsToken = (error) => error instanceof ApiError && error.status === 401 && String(error.problem?.title).includes("admin token");

  // Each panel keeps only the answer of its latest load, and redraws only when that answer changed.
  const latestLoad = {};
  const drawn = {};
  function startLoad(panel) {
    latestLoad[panel] = (latestLoad[panel] || 0) + 1;
    const load = latestLoad[panel];
    return () => latestLoad[panel] === load;
  }
  function drawIfChanged(panel, data, draw) {
    const key = JSON.stringify(data);
    if (drawn[panel] === key) return;
    drawn[panel] = key;
    draw(data);
  }

  // ------------------------------------------------------------------ Messages and the token

  function showError(error) {
    if (needsToken(error)) {
      askForToken(sessionStorage.getItem(TOKEN_KEY) !== null);
      return;
    }
    $("message-text").textContent = error instanceof Error ? error.message : String(error);
    $("message").hidden = false;
  }

  function clearError() {
    $("message").hidden = true;
  }

  function askForToken(refused) {
    $("dashboard").hidden = true;
    $("token-form").hidden = false;
    $("token-error").hidden = !refused;
    $("token-input").focus();
  }

  // ------------------------------------------------------------------ Pagers

  /** First / previous / position / next / last for a list of `total` items seen `size` at a time. */
  function drawPager(container, { page, size, total, onPage }) {
    const pages = Math.max(1, Math.ceil(total / size));
    const button = (label, target, name) =>
      el("button", { type: "button", "data-page": name, disabled: target === page || target < 0 || target >= pages, onclick: () => onPage(target) }, label);
    container.replaceChildren(
      button("« First", 0, "first"),
      button("‹ Previous", page - 1, "previous"),
      el("span", { className: "position" }, `Page ${number(Math.min(page + 1, pages))} of ${number(pages)}`),
      button("Next ›", page + 1, "next"),
      button("Last »", pages - 1, "last"),
    );
  }

  const rangeText = (page, size, shown, total, noun) =>
    total === 0 ? `No ${noun}.` : `${number(page * size + 1)}–${number(page * size + shown)} of ${number(total)} ${noun}`;

  // ------------------------------------------------------------------ Clock

  async function loadClock() {
    const isLatest = startLoad("clock");
    // The chosen enterprise's clock: its own when it has one, else the world clock.
    const scope = state.enterprise ? query({ enterpriseName: state.enterprise.name }) : "";
    const clock = await control(`/clock${scope}`);
    if (!isLatest()) return;
    drawIfChanged("clock", clock, drawClock);
  }

  function drawClock(clock) {
    $("clock-now").textContent = clock.now;
    $("clock-now").setAttribute("datetime", clock.now);
    const mode = $("clock-mode");
    mode.textContent = clock.mode === "real" && clock.scale !== 1 ? `real ×${clock.scale}` : clock.mode;
    mode.className = `badge ${clock.mode}`;
    if (clock.clock === "own") mode.textContent += " · own clock";
  }

  async function advanceClock(by, button) {
    const buttons = document.querySelectorAll("[data-advance]");
    buttons.forEach((each) => (each.disabled = true));
    try {
      const answer = await control("/clock/advance", { method: "POST", body: state.enterprise ? { by, enterpriseName: state.enterprise.name } : { by } });
      $("clock-now").textContent = answer.now;
      await refreshAll();
    } catch (error) {
      showError(error);
    } finally {
      buttons.forEach((each) => (each.disabled = false));
      button.focus();
    }
  }

  // ------------------------------------------------------------------ Counts by status and account

  async function loadCounts() {
    const isLatest = startLoad("counts");
    const accountRows = [...state.accounts, null];
    const count = (parameters) => api(`/global-sims${query({ ...parameters, size: 1 })}`).then((page) => page.total);
    const rows = await Promise.all(
      accountRows.map(async (accountName) => ({
        accountName,
        byStatus: await Promise.all(STATUSES.map((status) => count({ status, accountName }))),
        total: await count({ accountName }),
      })),
    );
    if (!isLatest()) return;
    drawIfChanged("counts", { rows, filter: state.filter, search: state.search }, drawCounts);
  }

  function drawCounts({ rows }) {
    const table = $("counts");
    table.tHead.replaceChildren(el("tr", {}, el("th", {}, "Account"), STATUSES.map((status) => el("th", { scope: "col" }, el("span", { className: `badge ${status}` }, breakable(status)))), el("th", {}, "Total")));
    const countButton = (value, status, accountName) => {
      const selected = state.search === null && state.filter.status === status && state.filter.accountName === accountName;
      return el(
        "button",
        {
          type: "button",
          className: `count${value === 0 ? " zero" : ""}${selected ? " selected" : ""}`,
          "data-status": status ?? "",
          "data-account": accountName ?? "",
          title: `List ${status ?? "all"} SIMs of ${accountName ?? "all accounts"}`,
          onclick: () => chooseFilter(status, accountName),
        },
        number(value),
      );
    };
    const row = ({ accountName, byStatus, total }) =>
      el(
        "tr",
        { "data-account": accountName ?? "" },
        el("td", {}, accountName ?? "All accounts"),
        byStatus.map((value, index) => el("td", {}, countButton(value, STATUSES[index], accountName))),
        el("td", {}, countButton(total, null, accountName)),
      );
    table.tBodies[0].replaceChildren(...rows.filter((each) => each.accountName !== null).map(row));
    table.tFoot.replaceChildren(...rows.filter((each) => each.accountName === null).map(row));
  }

  function chooseFilter(status, accountName) {
    state.filter = { status, accountName };
    state.search = null;
    state.simPage = 0;
    $("search").value = "";
    refreshSimPanels();
  }

  // ------------------------------------------------------------------ SIM list and search

  async function loadSims() {
    const isLatest = startLoad("sims");
    let sims;
    let total;
    const page = state.simPage;
    if (state.search !== null) {
      // The API matches identifiers exactly: ask for each kind and merge.
      const answers = await Promise.all(SEARCH_FIELDS.map((field) => api(`/global-sims${query({ [field]: state.search, size: 1000 })}`)));
      const byGiccid = new Map();
      for (const answer of answers) for (const sim of answer.sims) byGiccid.set(sim.giccid, sim);
      const found = [...byGiccid.values()].sort((a, b) => (a.giccid < b.giccid ? -1 : a.giccid > b.giccid ? 1 : 0));
      total = found.length;
      sims = found.slice(page * SIM_PAGE_SIZE, (page + 1) * SIM_PAGE_SIZE);
    } else {
      const { status, accountName } = state.filter;
      const answer = await api(`/global-sims${query({ status, accountName, page, size: SIM_PAGE_SIZE })}`);
      sims = answer.sims;
      total = answer.total;
    }
    if (!isLatest()) return;
    drawIfChanged("sims", { sims, total, page, search: state.search, filter: state.filter, selected: state.selectedGiccid }, drawSims);
  }

  function drawSims({ sims, total, page }) {
    let caption;
    if (state.search !== null) {
      caption = total === 0 ? `No SIM has the ICCID, IMSI, MSISDN or IMEI “${state.search}”.` : `${number(total)} found for “${state.search}”`;
    } else {
      const parts = [rangeText(page, SIM_PAGE_SIZE, sims.length, total, "SIMs")];
      if (state.filter.status) parts.push(`status ${state.filter.status}`);
      if (state.filter.accountName) parts.push(`account ${state.filter.accountName}`);
      caption = parts.join(" · ");
    }
    $("sim-caption").textContent = caption;
    $("sim-table").tBodies[0].replaceChildren(
      ...sims.map((sim) =>
        el(
          "tr",
          { "data-giccid": sim.giccid, className: sim.giccid === state.selectedGiccid ? "selected" : null },
          el("td", {}, el("button", { type: "button", className: "link mono", onclick: () => selectSim(sim.giccid) }, sim.giccid)),
          el("td", {}, badge(sim.status)),
          el("td", {}, sim.accountName),
          el("td", {}, orDash(sim.basicServicePackageName)),
          el("td", { className: "mono" }, orDash(sim.msisdn)),
        ),
      ),
    );
    drawPager($("sim-pager"), {
      page,
      size: SIM_PAGE_SIZE,
      total,
      onPage: (target) => {
        state.simPage = target;
        guarded(loadSims);
      },
    });
  }

  function search(text) {
    const trimmed = text.trim();
    state.search = trimmed === "" ? null : trimmed;
    state.simPage = 0;
    refreshSimPanels();
  }

  // ------------------------------------------------------------------ One SIM

  function selectSim(giccid) {
    state.selectedGiccid = giccid;
    state.changeLogPage = 0;
    guarded(loadSims);
    guarded(loadDetail);
  }

  async function loadDetail() {
    const giccid = state.selectedGiccid;
    const isLatest = startLoad("detail");
    if (giccid === null) {
      drawIfChanged("detail", null, drawDetail);
      return;
    }
    const page = state.changeLogPage;
    let sim;
    let log;
    try {
      [sim, log] = await Promise.all([
        api(`/global-sims/${encodeURIComponent(giccid)}`),
        api(`/global-sims/changeLogs${query({ giccid, page, size: CHANGE_LOG_PAGE_SIZE })}`),
      ]);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      sim = null;
    }
    if (!isLatest()) return;
    drawIfChanged("detail", sim === null ? { missing: giccid } : { sim, log, page }, drawDetail);
  }

  function drawDetail(data) {
    const empty = $("sim-detail-empty");
    const body = $("sim-detail-body");
    if (data === null || data.missing) {
      empty.textContent = data === null ? "Choose a SIM in the list to see its detail and change log." : `SIM ${data.missing} was not found.`;
      empty.hidden = false;
      body.hidden = true;
      return;
    }
    const { sim, log, page } = data;
    empty.hidden = true;
    body.hidden = false;
    const orders = (sim.supplementaryServicePackages || []).map((order) => `${order.name} (${order.status})`).join(", ");
    // Always the identity, status, plan and usage; the rest only when the SIM has it.
    const fields = [
      ["ICCID", "giccid", sim.giccid],
      ["Status", "status", badge(sim.status)],
      ["Account", "accountName", sim.accountName],
      ["IMSI", "imsi", sim.imsi],
      ["MSISDN", "msisdn", sim.msisdn],
      ["IMEI", "imei", sim.imei],
      ["Basic plan", "basicServicePackageName", sim.basicServicePackageName],
      ["APN", "apn", sim.apnName ? `${sim.apnName} (${sim.apnStatus})` : sim.apnStatus],
      ["Last status change", "lastStatusChangeTime", sim.lastStatusChangeTime],
      [`Cycle ${sim.currentCycleName}`, "cycle", `${formatBytes(sim.cycleDataUsageBytes)} · ${number(sim.cycleSmsCount ?? 0)} SMS`],
      ...[
        ["EID", "eid", sim.eid],
        ["SIM SKU", "simSku", sim.simSku],
        ["Activated", "activatedTime", sim.activatedTime],
        ["Add-ons", "supplementaryServicePackages", orders],
        ["Share pool", "sharePoolName", sim.sharePoolName],
        ["Last session", "lastSessionTime", sim.lastSessionTime ? `${sim.lastSessionTime}${sim.lastCountryCode ? ` in ${sim.lastCountryCode}` : ""}` : null],
        ...[1, 2, 3, 4, 5].map((n) => [`custom${n}`, `custom${n}`, sim[`custom${n}`]]),
      ].filter(([, , value]) => value !== null && value !== undefined && value !== ""),
    ];
    $("sim-fields").replaceChildren(
      ...fields.flatMap(([label, name, value]) => [el("dt", {}, label), el("dd", { "data-field": name }, orDash(value))]),
    );
    $("changelog-caption").textContent =
      log.total === 0 ? "No change yet." : `${rangeText(page, CHANGE_LOG_PAGE_SIZE, log.changeLogs.length, log.total, "changes")}, oldest first`;
    $("changelog-table").tBodies[0].replaceChildren(
      ...log.changeLogs.map((entry) =>
        el(
          "tr",
          {},
          el("td", { className: "mono" }, entry.changeTime),
          el("td", {}, entry.type),
          el("td", {}, orDash(entry.before)),
          el("td", {}, orDash(entry.after)),
          el("td", {}, orDash(entry.source)),
        ),
      ),
    );
    drawPager($("changelog-pager"), {
      page,
      size: CHANGE_LOG_PAGE_SIZE,
      total: log.total,
      onPage: (target) => {
        state.changeLogPage = target;
        guarded(loadDetail);
      },
    });
  }

  // ------------------------------------------------------------------ Batch jobs

  async function loadJobs() {
    const isLatest = startLoad("jobs");
    const page = state.jobPage;
    const answer = await control(`/batch-jobs${query({ enterpriseName: state.enterprise.name, page, size: JOB_PAGE_SIZE })}`);
    if (!isLatest()) return;
    drawIfChanged("jobs", { answer, page }, drawJobs);
  }

  function drawJobs({ answer, page }) {
    $("job-caption").textContent =
      answer.total === 0 ? "No batch job yet: jobs posted to /v1/batchJobs/… show here." : `${rangeText(page, JOB_PAGE_SIZE, answer.batchJobs.length, answer.total, "jobs")}, newest first`;
    $("job-table").tBodies[0].replaceChildren(
      ...answer.batchJobs.map((job) => {
        const done = job.successCount + job.failCount;
        const parts = [`${number(done)} / ${number(job.taskCount)} done`];
        if (job.failCount > 0) parts.push(`${number(job.failCount)} failed`);
        const times = `job ${job.jobId}, created ${job.createdTime}${job.finishedTime ? `, finished ${job.finishedTime}` : ""}`;
        return el(
          "tr",
          { "data-job-id": job.jobId, title: times },
          el("td", { className: "mono" }, `${job.jobId.slice(0, 8)}…`),
          el("td", {}, job.type, job.servicePackageName ? ` → ${job.servicePackageName}` : ""),
          el("td", {}, badge(job.status)),
          el(
            "td",
            {},
            el(
              "span",
              { className: "progress" },
              el("progress", { max: job.taskCount, value: done }),
              el("span", { className: "progress-text" }, parts.join(" · ")),
            ),
          ),
        );
      }),
    );
    drawPager($("job-pager"), {
      page,
      size: JOB_PAGE_SIZE,
      total: answer.total,
      onPage: (target) => {
        state.jobPage = target;
        guarded(loadJobs);
      },
    });
  }

  // ------------------------------------------------------------------ Push deliveries

  async function loadDeliveries() {
    const isLatest = startLoad("deliveries");
    const base = { enterpriseName: state.enterprise.name, state: state.deliveryState, size: DELIVERY_PAGE_SIZE };
    let page = state.deliveryPage ?? 0;
    let answer = await control(`/deliveries${query({ ...base, page })}`);
    const lastPage = Math.max(0, Math.ceil(answer.total / DELIVERY_PAGE_SIZE) - 1);
    if (state.deliveryPage === null && page !== lastPage) {
      page = lastPage;
      answer = await control(`/deliveries${query({ ...base, page })}`);
    }
    if (!isLatest()) return;
    drawIfChanged("deliveries", { answer, page }, drawDeliveries);
  }

  function attemptText(attempt) {
    const outcome = attempt.httpStatus !== undefined && attempt.httpStatus !== null ? `HTTP ${attempt.httpStatus}` : "no answer";
    return attempt.error ? `${outcome}: ${attempt.error}` : outcome;
  }

  function drawDeliveries({ answer, page }) {
    $("delivery-caption").textContent =
      answer.total === 0
        ? "No push yet: pushes go out to the webhooks set with PUT /_sim/webhooks."
        : `${rangeText(page, DELIVERY_PAGE_SIZE, answer.deliveries.length, answer.total, "pushes")}, oldest first`;
    $("delivery-list").replaceChildren(
      ...answer.deliveries.map((delivery) => {
        const attempts = delivery.attempts;
        const last = attempts[attempts.length - 1];
        const details = el(
          "details",
          { className: "delivery", "data-event-id": delivery.eventId, open: state.openDeliveries.has(delivery.eventId) },
          el(
            "summary",
            {},
            el("strong", {}, delivery.eventType),
            el("span", { className: "mono" }, delivery.giccid),
            badge(delivery.state),
            el("span", { className: "attempt-count" }, attempts.length === 1 ? "1 attempt" : `${attempts.length} attempts`),
            last ? el("span", { className: "muted last-attempt" }, `last: ${attemptText(last)}`) : null,
            delivery.nextAttemptTime ? el("span", { className: "muted" }, `next: ${delivery.nextAttemptTime}`) : null,
          ),
          el("div", { className: "muted" }, `to ${orDash(delivery.url)} · event ${delivery.eventId}`),
          el(
            "ol",
            { className: "attempts" },
            attempts.map((attempt) => el("li", { className: "attempt" }, el("span", { className: "mono" }, attempt.at), " ", attemptText(attempt))),
          ),
          el("details", { className: "payload" }, el("summary", {}, "Payload"), el("pre", {}, JSON.stringify(delivery.payload, null, 2))),
        );
        details.addEventListener("toggle", () => {
          if (details.open) state.openDeliveries.add(delivery.eventId);
          else state.openDeliveries.delete(delivery.eventId);
        });
        return details;
      }),
    );
    drawPager($("delivery-pager"), {
      page,
      size: DELIVERY_PAGE_SIZE,
      total: answer.total,
      onPage: (target) => {
        const lastPage = Math.max(0, Math.ceil(answer.total / DELIVERY_PAGE_SIZE) - 1);
        state.deliveryPage = target === lastPage ? null : target;
        guarded(loadDeliveries);
      },
    });
  }

  // ------------------------------------------------------------------ Enterprises and refreshing

  /** Runs a load, showing what went wrong. */
  async function guarded(load) {
    try {
      await load();
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  function refreshSimPanels() {
    guarded(loadSims);
    guarded(loadCounts);
  }

  async function refreshAll() {
    const results = await Promise.all([loadClock, loadCounts, loadSims, loadDetail, loadJobs, loadDeliveries].map(guarded));
    if (results.every(Boolean)) clearError();
  }

  async function loadEnterprises() {
    const { enterprises } = await control("/enterprises");
    state.enterprises = enterprises;
    const select = $("enterprise");
    const chosen = state.enterprise?.name ?? sessionStorage.getItem(ENTERPRISE_KEY);
    select.replaceChildren(...enterprises.map((enterprise) => el("option", { value: enterprise.name }, enterprise.name)));
    const current = enterprises.find((enterprise) => enterprise.name === chosen) ?? enterprises[0];
    if (current === undefined) throw new Error("The server has no enterprise.");
    select.value = current.name;
    if (state.enterprise?.name !== current.name || state.enterprise?.apiKey !== current.apiKey) await chooseEnterprise(current.name);
  }

  async function chooseEnterprise(name) {
    const enterprise = state.enterprises.find((each) => each.name === name);
    state.enterprise = { name: enterprise.name, apiKey: enterprise.apiKey };
    sessionStorage.setItem(ENTERPRISE_KEY, enterprise.name);
    state.filter = { status: null, accountName: null };
    state.search = null;
    state.simPage = 0;
    state.selectedGiccid = null;
    state.jobPage = 0;
    state.deliveryPage = null;
    state.openDeliveries.clear();
    $("search").value = "";
    const profile = await api("/enterprise");
    state.accounts = profile.accounts;
    await refreshAll();
  }

  /** The server's warnings (health's `warnings`), such as a control API open to the network. */
  async function showServerWarnings() {
    const warnings = (await control("/health")).warnings || [];
    $("server-warnings-text").textContent = warnings.join(" ");
    $("server-warnings").hidden = warnings.length === 0;
  }

  async function start() {
    try {
      await loadEnterprises();
      await showServerWarnings();
    } catch (error) {
      showError(error);
      return;
    }
    $("token-form").hidden = true;
    $("dashboard").hidden = false;
  }

  function wire() {
    $("enterprise").addEventListener("change", (event) => guarded(() => chooseEnterprise(event.target.value)));
    for (const button of document.querySelectorAll("[data-advance]")) {
      button.addEventListener("click", () => advanceClock(button.dataset.advance, button));
    }
    $("refresh").addEventListener("click", () => guarded(async () => {
      await loadEnterprises();
      await refreshAll();
    }));
    $("message-close").addEventListener("click", clearError);
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      search($("search").value);
    });
    $("search-clear").addEventListener("click", () => {
      $("search").value = "";
      chooseFilter(null, null);
    });
    $("delivery-state").addEventListener("change", (event) => {
      state.deliveryState = event.target.value;
      state.deliveryPage = null;
      guarded(loadDeliveries);
    });
    $("token-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $("token-input").value);
      $("token-input").value = "";
      await start();
    });
    setInterval(() => {
      if (!document.hidden && state.enterprise !== null && !$("dashboard").hidden) refreshAll();
    }, REFRESH_INTERVAL_MS);
  }

  wire();
  start();
})();
