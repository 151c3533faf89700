// The Tansiq dashboard: a small single-page app over the /v1 API, signed in by a session cookie.
// Views (hash routes): #/queue, #/target/ID, #/brigades, #/brigade/ID, #/clusters, #/cluster/N, #/account/ID, #/search/Q.
"use strict";
(function () {
  const C = window.TansiqCharts;
  const main = document.getElementById("main");
  const live = document.getElementById("live");
  const topbar = document.getElementById("topbar");
  const who = document.getElementById("who");
  let session = null;
  let stream = null;
  let counters = null;
  let currentRefresh = null;

  // ---- DOM helpers -------------------------------------------------------------------------------------------
  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  // Text from the data: Arabic is tagged lang="ar" and laid out right-to-left; anything else gets dir="auto".
  function dataText(tag, text, lang, cls) {
    const arabic = (lang && lang.startsWith("ar")) || ARABIC.test(text || "");
    return h(tag, { class: cls, dir: arabic ? "rtl" : "auto", lang: arabic ? "ar" : (lang || null) }, text || "");
  }

  function accountLabel(id, username) {
    return username ? [dataText("bdi", "@" + username, null, "username"), " ", h("span", { class: "muted" }, "(" + id + ")")] : [h("bdi", {}, id)];
  }

  function accountLink(id, username, route) {
    return h("a", { href: "#/" + (route || "account") + "/" + encodeURIComponent(id) }, ...accountLabel(id, username));
  }

  const fmt = C.fmtTime;
  const pct = v => (Math.round(v * 10) / 10) + "%";
  const num = v => (Math.round(v * 100) / 100).toString();

  function announce(text) {
    live.textContent = text;
    clearTimeout(announce.timer);
    announce.timer = setTimeout(() => { live.textContent = ""; }, 8000);
  }

  function page(title, ...children) {
    main.textContent = "";
    const h1 = h("h1", { tabindex: "-1", id: "page-title" }, title);
    main.append(h1, ...children.flat(Infinity).filter(Boolean));
    document.title = (typeof title === "string" ? title : h1.textContent) + " · Tansiq";
    return h1;
  }

  function errorBox(message) {
    return h("p", { class: "error", role: "alert" }, message);
  }

  // ---- API ---------------------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, detail) { super(detail); this.status = status; }
  }

  async function api(path, options) {
    const o = options || {};
    const res = await fetch(path, {
      method: o.method || "GET",
      credentials: "same-origin",
      headers: Object.assign({ "Accept": "application/json", "X-Tansiq-Dashboard": "1" }, o.body ? { "Content-Type": o.contentType || "application/json" } : {}),
      body: o.body,
    });
    if (res.status === 401 && !o.allow401) {
      showSignIn("Your session has ended; sign in again.");
      throw new ApiError(401, "not signed in");
    }
    if (res.status === 204) return null;
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new ApiError(res.status, (data && (data.detail || data.title)) || res.statusText);
    return data;
  }

  // ---- Sign-in -----------------------------------------------------------------------------------------------
  function showSignIn(message) {
    session = null;
    if (stream) { stream.close(); stream = null; }
    topbar.hidden = true;
    const err = h("p", { class: "error", role: "alert", id: "sign-in-error" }, message || "");
    const input = h("input", { id: "key", name: "key", type: "password", autocomplete: "current-password", required: true, spellcheck: "false" });
    const form = h("form", { class: "card signin", id: "sign-in-form" },
      h("h1", { tabindex: "-1" }, "Sign in to Tansiq"),
      h("p", { class: "muted" }, "Paste a moderator key (make one with ./tansiq serve keys add --role moderator). The key is exchanged for a session cookie and is not kept in the page."),
      h("label", { for: "key" }, "Moderator key"),
      input,
      h("button", { type: "submit", class: "primary" }, "Sign in"),
      err);
    form.addEventListener("submit", async ev => {
      ev.preventDefault();
      err.textContent = "";
      try {
        const res = await fetch("/auth/sign-in", {
          method: "POST", credentials: "same-origin",
          headers: { "X-Tansiq-Dashboard": "1", "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ key: input.value }),
        });
        const data = await res.json().catch(() => null);
        input.value = "";
        if (!res.ok) { err.textContent = (data && data.detail) || "Sign-in failed."; input.focus(); return; }
        startSession(data);
      } catch (e) {
        err.textContent = "Sign-in failed: " + e.message;
      }
    });
    main.textContent = "";
    main.appendChild(form);
    document.title = "Sign in · Tansiq";
    input.focus();
  }

  function startSession(s) {
    session = s;
    topbar.hidden = false;
    who.textContent = "Signed in: " + (s.name || s.key_id) + " (" + s.role + ")";
    openStream();
    if (!location.hash || location.hash === "#" || location.hash === "#/") location.hash = "#/queue";
    else route();
  }

  document.getElementById("sign-out").addEventListener("click", async () => {
    await fetch("/auth/sign-out", { method: "POST", credentials: "same-origin", headers: { "X-Tansiq-Dashboard": "1" } });
    showSignIn("Signed out.");
  });

  // ---- Live updates (server-sent events) ---------------------------------------------------------------------
  function openStream() {
    if (stream) stream.close();
    stream = new EventSource("/v1/stream");
    stream.addEventListener("update", ev => {
      const next = JSON.parse(ev.data);
      const before = counters;
      counters = next;
      document.querySelectorAll("[data-counter=reports]").forEach(e => { e.textContent = String(next.reports); });
      if (!before) return;
      const changed = next.reports !== before.reports || next.events !== before.events || next.detection_ran_at !== before.detection_ran_at;
      if (next.reports > before.reports) announce((next.reports - before.reports) + " new report" + (next.reports - before.reports === 1 ? "" : "s") + " arrived");
      else if (next.detection_ran_at !== before.detection_ran_at) announce("A new detection run finished");
      if (changed && currentRefresh) currentRefresh();
    });
  }

  // ---- Shared pieces -----------------------------------------------------------------------------------------
  function badge(text, cls) {
    return text ? h("span", { class: "badge " + (cls || text) }, text) : null;
  }

  function describeNaive(n) {
    if (n.decision === "suspend") {
      return `suspend at ${fmt(n.suspended_at)}, after ${n.suspended_after_reporters} distinct reporters (25% of ${n.followers} followers = ${num(n.needed)})`;
    }
    return `no action: ${n.distinct_reporters} distinct reporters, below 25% of ${n.followers} followers (${num(n.needed)})`;
  }

  function comparison(view) {
    const d = view.detail.decision;
    const n = view.naive;
    return h("div", { class: "compare", "data-testid": "compare" },
      h("div", { class: "tansiq-side" },
        h("span", { class: "label" }, "Tansiq"),
        h("span", { class: "value", "data-testid": "tansiq-decision" }, d.decision + (d.priority ? " (" + d.priority + ")" : "")),
        h("div", {}, `${d.reports} reports counted as ${num(d.effective_reports)} independent-equivalent`),
        h("div", {}, `${view.independent_reporters} independent reporters, ${view.discounted_reporters} discounted`)),
      h("div", { class: "naive-side" },
        h("span", { class: "label" }, "Naive rule: suspend at 25% of followers"),
        h("span", { class: "value", "data-testid": "naive-decision" }, n.decision === "suspend" ? "suspend" : "no action"),
        h("div", {}, describeNaive(n))));
  }

  function reportChart(view, label) {
    const independent = new Map(view.reporters.map(r => [r.account_id, r.independent]));
    const items = view.detail.reports.map(r => ({ t: r.timestamp, group: independent.get(r.reporter_id) ? "independent" : "discounted" }));
    const markers = [];
    if (view.naive.suspended_at) markers.push({ t: view.naive.suspended_at, label: "naive rule suspends", color: "#b3261e" });
    const firstReview = view.detail.timeline.find(c => c.decision === "review");
    if (firstReview) markers.push({ t: firstReview.time, label: "Tansiq: review", color: "#8a5a00" });
    const firstSuspend = view.detail.timeline.find(c => c.decision === "suspend");
    if (firstSuspend) markers.push({ t: firstSuspend.time, label: "Tansiq: suspend", color: "#5b0f0a" });
    return C.histogram({
      label: label || "Reports over time", unit: "reports", items, markers,
      groups: [{ key: "independent", label: "independent reporters", color: "var(--indep)" }, { key: "discounted", label: "discounted reporters", color: "var(--disc)" }],
    });
  }

  // Detection's evidence items are whole sentences; a brigade's name a measurement whose value goes first.
  function evidenceList(evidence, measured) {
    const sentence = e => {
      if (!measured) return e.explanation;
      const v = num(e.value);
      return e.explanation.startsWith("%") ? v + e.explanation : v + " " + e.explanation;
    };
    return h("ul", { class: "evidence" }, evidence.map(e => h("li", { "data-name": e.name }, sentence(e))));
  }

  function brigadeBlock(b) {
    return h("section", { class: "brigade", "data-brigade": b.id, "aria-label": "Brigade " + b.id },
      h("h3", {}, h("a", { href: "#/brigade/" + encodeURIComponent(b.id) }, "Brigade " + b.id),
        ` · ${b.participant_count} reporters, ${b.reports} reports, ${fmt(b.start)} – ${fmt(b.end)}`),
      evidenceList(b.evidence, true));
  }

  function clusterLinks(reporters) {
    const counts = new Map();
    for (const r of reporters) if (r.cluster) counts.set(r.cluster, (counts.get(r.cluster) || 0) + 1);
    if (!counts.size) return h("p", { class: "muted" }, "No reporter is in a coordinated cluster of the latest detection run.");
    return h("p", {}, "Reporters in detected clusters: ",
      [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c, k], i) => [i ? ", " : "", h("a", { href: "#/cluster/" + c }, "cluster " + c), ` (${k})`]));
  }

  function resolveForm(target, onDone) {
    const id = "note-" + target.replace(/[^A-Za-z0-9_-]/g, "_");
    const note = h("textarea", { id, name: "note", rows: "2" });
    const status = h("p", { class: "resolved", role: "status" });
    const send = async action => {
      buttons.forEach(b => { b.disabled = true; });
      try {
        const e = await api("/v1/queue/" + encodeURIComponent(target) + "/resolve", { method: "POST", body: JSON.stringify({ action, note: note.value }) });
        status.textContent = `Resolved: ${action} (event ${e.id}${e.reporters_affected ? ", " + e.reporters_affected + " reporters' credibility updated" : ""}).`;
        announce("Resolved " + target + ": " + action);
        if (onDone) onDone(action, e);
      } catch (err) {
        status.textContent = "";
        status.appendChild(errorBox("Could not resolve: " + err.message));
        buttons.forEach(b => { b.disabled = false; });
      }
    };
    const buttons = [
      h("button", { type: "button", class: "agree", onclick: () => send("agree"), title: "The reports were right: take action" }, "Agree"),
      h("button", { type: "button", class: "disagree", onclick: () => send("disagree"), title: "The reports were wrong: no action, their reporters lose credibility" }, "Disagree"),
      h("button", { type: "button", class: "escalate", onclick: () => send("escalate"), title: "A senior reviewer should look" }, "Escalate"),
    ];
    return h("div", { class: "resolve-wrap" },
      h("div", { class: "resolve", role: "group", "aria-label": "Resolve " + target },
        h("div", { class: "note" }, h("label", { for: id }, "Note (optional)"), note),
        buttons),
      status);
  }

  // ---- Queue -------------------------------------------------------------------------------------------------
  const targetCache = new Map();

  async function targetView(id, fresh) {
    if (!fresh && targetCache.has(id)) return targetCache.get(id);
    const v = await api("/v1/targets/" + encodeURIComponent(id));
    targetCache.set(id, v);
    return v;
  }

  function queueCard(item) {
    const title = h("a", { href: "#/target/" + encodeURIComponent(item.target_id) }, item.target_id);
    const body = h("div", { class: "queue-body" }, h("p", { class: "muted" }, "Loading…"));
    const card = h("article", { class: "card queue-item", id: "item-" + item.target_id, "data-target": item.target_id, "data-reports": item.reports, "aria-labelledby": "title-" + item.target_id },
      h("div", { class: "card-head" },
        h("h2", { id: "title-" + item.target_id }, title),
        badge(item.priority), item.escalated ? badge("escalated", "escalated") : null,
        h("span", { class: "muted" }, `${item.reports} reports · effective ${num(item.effective_reports)} · since ${fmt(item.decided_at)}`)),
      h("p", {}, item.reason),
      body);
    targetView(item.target_id, true).then(v => {
      title.textContent = "";
      title.append(...accountLabel(v.target_id, v.username));
      body.textContent = "";
      body.append(
        comparison(v),
        h("h3", {}, "Reports over time"),
        reportChart(v),
        item.brigades.length ? h("div", {}, h("h3", {}, "Brigades that hit this account"), item.brigades.map(brigadeBlock))
          : h("p", { class: "muted" }, "No brigade hit this account."),
        clusterLinks(v.reporters),
        resolveForm(item.target_id, () => {
          // The card stays a moment with its outcome, then leaves with the next refresh.
          card.dataset.resolved = String(Date.now());
          setTimeout(() => currentRefresh && currentRefresh(), 2500);
        }));
    }).catch(e => { body.textContent = ""; body.appendChild(errorBox(e.message)); });
    return card;
  }

  async function showQueue() {
    const list = h("div", { id: "queue-list" });
    const summary = h("p", { id: "queue-summary" });
    const more = h("p");
    page("Review queue",
      h("p", { class: "muted" }, "Accounts waiting for a person, escalated first, then by priority and evidence. Reports received: ",
        h("span", { "data-counter": "reports", id: "report-total" }, counters ? String(counters.reports) : "…"), "."),
      summary, list, more);
    const limit = 25;
    const refresh = async () => {
      const q = await api("/v1/queue");
      summary.textContent = q.count === 0 ? "The queue is empty." : `${q.count} account${q.count === 1 ? "" : "s"} to review` + (q.count > limit ? ` (the first ${limit} shown)` : "") + ".";
      const wanted = q.items.slice(0, limit);
      const keep = new Map([...list.children].map(c => [c.dataset.target, c]));
      const next = wanted.map(item => {
        const old = keep.get(item.target_id);
        if (old && old.dataset.reports === String(item.reports) && !old.dataset.resolved && old.querySelector(".badge.escalated") === null === !item.escalated) {
          keep.delete(item.target_id);
          return old;
        }
        return queueCard(item);
      });
      for (const [, card] of keep) {
        const justResolved = card.dataset.resolved && Date.now() - Number(card.dataset.resolved) < 2000;
        if (!next.includes(card) && !justResolved && !card.contains(document.activeElement)) card.remove();
      }
      next.forEach((card, i) => { if (list.children[i] !== card) list.insertBefore(card, list.children[i] || null); });
    };
    currentRefresh = () => refresh().catch(() => {});
    await refresh();
  }

  // ---- Target page -------------------------------------------------------------------------------------------
  async function showTarget(id) {
    const v = await targetView(id, true);
    const d = v.detail.decision;
    const events = v.detail.events;
    const last = events.length ? events[events.length - 1] : null;
    const action = e => e.event.endsWith("Takedown") ? "agree" : e.event.endsWith("Acknowledge") ? "disagree" : e.event.endsWith("Escalate") ? "escalate" : e.event;
    const levels = ["none", "review", "suspend"];
    const changes = v.detail.timeline.map(c => ({ t: c.time, level: c.decision, note: `${c.reports} reports, effective ${num(c.effective_reports)}` }));
    const naiveChanges = v.detail.reports.length ? [{ t: v.detail.reports[0].timestamp, level: "none", note: "first report" }] : [];
    if (v.naive.suspended_at) naiveChanges.push({ t: v.naive.suspended_at, level: "suspend", note: `${v.naive.suspended_after_reporters} distinct reporters` });
    const reportersTable = h("table", { id: "reporters" },
      h("caption", { class: "visually-hidden" }, "Reporters and their credibility signals"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Reporter"), h("th", { scope: "col" }, "First report"), h("th", { scope: "col", class: "num" }, "Account age (days)"),
        h("th", { scope: "col", class: "num" }, "Followers"), h("th", { scope: "col" }, "Signals"), h("th", { scope: "col", class: "num" }, "Moderator factor"), h("th", { scope: "col" }, "Cluster"))),
      h("tbody", {}, v.reporters.map(r => h("tr", {},
        h("td", {}, accountLink(r.account_id, r.username)),
        h("td", {}, fmt(r.first_report), r.reports > 1 ? ` (${r.reports} reports)` : ""),
        h("td", { class: "num" }, r.age_days === null ? "unknown" : String(r.age_days)),
        h("td", { class: "num" }, r.followers === null ? "" : String(r.followers)),
        h("td", {}, r.flags.length ? r.flags.map(f => h("span", { class: "flag" }, f.replace(/_/g, " "))) : h("span", { class: "flag ok" }, "independent")),
        h("td", { class: "num" }, num(r.moderator_factor)),
        h("td", {}, r.cluster ? h("a", { href: "#/cluster/" + r.cluster }, "cluster " + r.cluster) : "")))));
    const status = h("p", { id: "moderator-status", "data-action": last ? action(last) : "" },
      last ? `Moderator decision: ${action(last)} by ${last.created_by} at ${fmt(last.created_at)}` + (last.comment ? ` — “${last.comment}”` : "")
        : "Moderator decision: not yet resolved");
    page([...accountLabel(v.target_id, v.username)],
      h("p", { class: "muted" }, `${v.followers ?? "?"} followers · account created ${v.created_at ? fmt(v.created_at) : "unknown"}`),
      h("div", { class: "card" },
        h("div", { class: "card-head" }, h("h2", {}, "Decision"), badge(d.decision), badge(d.priority)),
        h("p", {}, d.reason),
        status,
        comparison(v),
        // The form while the account waits for review: not resolved yet, escalated, or reported again since.
        d.decision === "review" && (!last || action(last) === "escalate" || v.detail.reports.some(r => r.timestamp > last.created_at))
          ? resolveForm(v.target_id, () => setTimeout(() => route(), 200)) : null),
      h("div", { class: "grid2" },
        h("section", { class: "card" }, h("h2", {}, "Report timeline"), reportChart(v)),
        h("section", { class: "card" }, h("h2", {}, "Decisions over time"),
          C.steps({ label: "Decisions over time", levels, until: v.detail.reports.length ? v.detail.reports[v.detail.reports.length - 1].timestamp : 0,
            series: [{ label: "Tansiq", color: "#1f2a44", changes }, { label: "naive rule", color: "#b3261e", changes: naiveChanges }],
            legend: [{ label: "Tansiq", color: "#1f2a44" }, { label: "naive 25% rule (dashed)", color: "#b3261e" }],
            caption: "Each dot is a change of decision (hover for its counts); the naive rule replays the same reports." }),
          events.length ? h("ul", { class: "list", id: "events" }, events.map(e => h("li", {}, `${fmt(e.created_at)}: ${action(e)} by ${e.created_by}`, e.comment ? ` — “${e.comment}”` : "")))
            : h("p", { class: "muted" }, "No moderator resolution yet."))),
      v.detail.brigades.length ? h("section", { class: "card" }, h("h2", {}, "Brigades"), v.detail.brigades.map(brigadeBlock)) : null,
      h("section", { class: "card" }, h("h2", {}, "Reporters' credibility"),
        h("p", { class: "muted" }, "Signals that make a report count for less: no prior contact with the account (unexposed), a young or batch-created account, membership of a coordinated cluster or a brigade, earlier reports rejected by moderators."),
        clusterLinks(v.reporters),
        h("div", { class: "table-wrap" }, reportersTable)));
    currentRefresh = null;
  }

  // ---- Brigades ----------------------------------------------------------------------------------------------
  function targetRefs(targets) {
    return h("ul", { class: "list" }, targets.map(t => h("li", {}, accountLink(t.account_id, t.username, "target"),
      " — Tansiq: ", badge(t.decision), " · naive rule: ", badge(t.naive_decision === "suspend" ? "suspend" : "no action", t.naive_decision))));
  }

  async function showBrigades() {
    const data = await api("/v1/brigades");
    const suspendedByNaive = data.brigades.reduce((s, b) => s + b.targets.filter(t => t.naive_decision === "suspend").length, 0);
    const suspendedByTansiq = data.brigades.reduce((s, b) => s + b.targets.filter(t => t.decision === "suspend").length, 0);
    page("Brigades",
      h("p", { class: "muted" }, `${data.count} reporting brigades. Of their targets, the naive 25% rule suspends ${suspendedByNaive}; Tansiq suspends ${suspendedByTansiq}.`),
      data.brigades.map(item => h("article", { class: "card", "data-brigade": item.brigade.id },
        h("h2", {}, h("a", { href: "#/brigade/" + encodeURIComponent(item.brigade.id) }, "Brigade " + item.brigade.id)),
        h("p", { class: "muted" }, `${item.brigade.participant_count} reporters · ${item.brigade.reports} reports · ${fmt(item.brigade.start)} – ${fmt(item.brigade.end)}`),
        evidenceList(item.brigade.evidence, true),
        h("h3", {}, "Targets"), targetRefs(item.targets))));
    currentRefresh = null;
  }

  async function showBrigade(id) {
    const v = await api("/v1/brigades/" + encodeURIComponent(id));
    const b = v.brigade;
    const palette = ["#2f6fba", "#d9822b", "#146c2e", "#c2185b", "#7b1fa2", "#00838f"];
    const groups = v.targets.map((t, i) => ({ key: t.account_id, label: "reports on " + (t.username ? "@" + t.username : t.account_id), color: palette[i % palette.length] }));
    const members = v.members.slice().sort((a, c) => {
      const fa = v.reports.find(r => r.reporter === a.account_id), fc = v.reports.find(r => r.reporter === c.account_id);
      return (fa ? fa.time : Infinity) - (fc ? fc.time : Infinity);
    });
    page("Brigade " + b.id,
      h("p", { class: "muted" }, `${b.participant_count} reporters · ${b.reports} reports · ${fmt(b.start)} – ${fmt(b.end)}`),
      h("section", { class: "card" }, h("h2", {}, "Evidence"), evidenceList(b.evidence, true)),
      h("section", { class: "card" }, h("h2", {}, "Targets"), targetRefs(v.targets)),
      h("section", { class: "card" }, h("h2", {}, "Members' timing"),
        C.raster({ label: "Brigade members' reports", rows: members.map(m => ({ id: m.account_id, label: m.username ? "@" + m.username : m.account_id })),
          points: v.reports.map(r => ({ row: r.reporter, t: r.time, group: r.target })), groups })),
      h("section", { class: "card" }, h("h2", {}, "Members"),
        h("div", { class: "table-wrap" }, h("table", { id: "brigade-members" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Account"), h("th", { scope: "col", class: "num" }, "Age at start (days)"), h("th", { scope: "col" }, "Batch-created"),
            h("th", { scope: "col" }, "Cluster"), h("th", { scope: "col", class: "num" }, "Reports"))),
          h("tbody", {}, v.members.map(m => h("tr", {},
            h("td", {}, accountLink(m.account_id, m.username)),
            h("td", { class: "num" }, m.age_days === null ? "unknown" : String(m.age_days)),
            h("td", {}, m.batch ? "yes" : "no"),
            h("td", {}, m.cluster ? h("a", { href: "#/cluster/" + m.cluster }, "cluster " + m.cluster) : ""),
            h("td", { class: "num" }, String(m.reports)))))))));
    currentRefresh = null;
  }

  // ---- Clusters ----------------------------------------------------------------------------------------------
  async function showClusters() {
    const run = await api("/v1/clusters");
    const render = r => {
      if (!r.ran_at) {
        page("Clusters", h("p", { class: "muted", id: "clusters-status" }, "No detection run yet: post messages to /v1/messages; detection runs in the background."));
        return;
      }
      page("Clusters",
        h("p", { class: "muted", id: "clusters-status" }, `Latest detection run at ${fmt(r.ran_at)} over ${r.messages} messages (${fmt(r.window_from)} – ${fmt(r.window_to)}): ${r.clusters.length} coordinated clusters.`),
        h("ul", { class: "list", id: "cluster-list" }, r.clusters.map(c => h("li", {},
          h("a", { href: "#/cluster/" + c.id }, "Cluster " + c.id), ` · ${c.size} accounts · signals: ${c.signals.join(", ")}`))));
    };
    render(run);
    currentRefresh = () => api("/v1/clusters").then(render).catch(() => {});
  }

  async function showCluster(n) {
    const c = await api("/v1/clusters/" + encodeURIComponent(n));
    const members = c.members;
    const signals = [...new Set(c.timeline.map(p => p.signal))];
    const palette = ["#2f6fba", "#d9822b", "#146c2e", "#c2185b", "#7b1fa2", "#00838f", "#5d4037"];
    const groups = signals.map((s, i) => ({ key: s, label: s, color: palette[i % palette.length] }));
    const networkHost = h("div", { id: "network" });
    page("Cluster " + c.id,
      h("p", { class: "muted" }, `${c.kind ? c.kind + " · " : ""}${c.size} accounts · score ${num(c.score)} · signals: ${c.signals.join(", ")} · ${fmt(c.first_action)} – ${fmt(c.last_action)}`),
      h("section", { class: "card" }, h("h2", {}, "Evidence"), evidenceList(c.evidence)),
      h("section", { class: "card" }, h("h2", {}, "Shared objects"),
        c.shared_objects.length ? h("ol", { class: "objects", id: "shared-objects" }, c.shared_objects.map(o => h("li", {},
          h("div", {}, badge(o.signal, "none"), ` ${o.members} members of ${o.participants} accounts, within ${C.fmtSpan(o.last_action - o.first_action)}`,
            o.author ? [" · author ", accountLink(o.author, o.author_username)] : ""),
          o.text ? dataText("p", o.text, o.lang, "shared-text") : dataText("p", o.key, null, "shared-text muted")))) : h("p", { class: "muted" }, "None recorded.")),
      h("section", { class: "card" }, h("h2", {}, "Members' timing"),
        C.raster({ label: "Members' actions on the shared objects", rows: members.map(m => ({ id: m.account_id, label: m.username ? "@" + m.username : m.account_id })),
          points: c.timeline.map(p => ({ row: p.account_id, t: p.time, group: p.signal })), groups })),
      h("section", { class: "card" }, h("h2", {}, "Network"),
        h("p", { class: "muted" }, `The cluster (pink) and the ${c.nodes.length - members.length} accounts with the most evidence of acting with it; darker lines are significant edges.`),
        networkHost),
      h("section", { class: "card" }, h("h2", {}, "Members"),
        h("div", { class: "table-wrap" }, h("table", { id: "cluster-members" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Account"), h("th", { scope: "col", class: "num" }, "Score"), h("th", { scope: "col", class: "num" }, "Messages"))),
          h("tbody", {}, members.map(m => h("tr", {}, h("td", {}, accountLink(m.account_id, m.username)), h("td", { class: "num" }, num(m.score)), h("td", { class: "num" }, String(m.messages)))))))));
    window.TansiqNetwork.render(networkHost, {
      nodes: c.nodes, edges: c.edges, legend: `${c.nodes.length} accounts, ${c.edges.length} edges`,
      onSelect: async (d, info) => {
        info.textContent = "";
        info.append("Selected: ", accountLink(d.id, d.username), d.member ? " · member of this cluster" : d.cluster ? [" · member of ", h("a", { href: "#/cluster/" + d.cluster }, "cluster " + d.cluster)] : " · not in a cluster");
        try {
          const a = await api("/v1/accounts/" + encodeURIComponent(d.id));
          info.append(` · ${a.followers ?? "?"} followers`, a.decision ? [" · reported: ", h("a", { href: "#/target/" + encodeURIComponent(d.id) }, a.decision)] : "");
        } catch (e) { /* the account may be known from messages only */ }
      },
    });
    currentRefresh = null;
  }

  // ---- Accounts and search -----------------------------------------------------------------------------------
  async function showAccount(id) {
    let a;
    try { a = await api("/v1/accounts/" + encodeURIComponent(id)); } catch (e) {
      if (e.status === 404) { page("Account " + id, errorBox("No account " + id + " is known.")); return; }
      throw e;
    }
    page([...accountLabel(a.account_id, a.username)],
      h("dl", { class: "card" },
        h("dt", {}, "Followers"), h("dd", {}, a.followers === null ? "unknown" : String(a.followers)),
        h("dt", {}, "Created"), h("dd", {}, a.created_at ? fmt(a.created_at) : "unknown"),
        h("dt", {}, "Reports received"), h("dd", {}, String(a.reports_received)),
        h("dt", {}, "Decision"), h("dd", {}, a.decision ? h("a", { href: "#/target/" + encodeURIComponent(a.account_id) }, a.decision + (a.priority ? " (" + a.priority + ")" : "")) : "not reported"),
        h("dt", {}, "Coordinated cluster"), h("dd", {}, a.cluster ? h("a", { href: "#/cluster/" + a.cluster }, "cluster " + a.cluster) : "none in the latest detection run"),
        h("dt", {}, "Credibility factor from moderators"), h("dd", {}, num(a.moderator_factor))));
    currentRefresh = null;
  }

  async function showSearch(q) {
    document.getElementById("search-input").value = q;
    const r = await api("/v1/search?q=" + encodeURIComponent(q));
    page("Search: " + q,
      r.count === 0 ? h("p", { id: "search-results" }, "No account matches.") :
        h("ul", { class: "list", id: "search-results" }, r.items.map(i => h("li", {},
          accountLink(i.account_id, i.username, i.decision ? "target" : "account"),
          i.decision ? [" · ", badge(i.decision)] : "",
          i.cluster ? [" · ", h("a", { href: "#/cluster/" + i.cluster }, "cluster " + i.cluster)] : ""))));
    currentRefresh = null;
  }

  document.getElementById("search-form").addEventListener("submit", ev => {
    ev.preventDefault();
    const q = document.getElementById("search-input").value.trim();
    if (q) location.hash = "#/search/" + encodeURIComponent(q);
  });

  // ---- Router ------------------------------------------------------------------------------------------------
  async function route() {
    if (!session) return;
    const parts = location.hash.replace(/^#\/?/, "").split("/");
    const [view, ...rest] = parts;
    const arg = decodeURIComponent(rest.join("/"));
    currentRefresh = null;
    document.querySelectorAll("[data-nav]").forEach(a => {
      const active = a.dataset.nav === view || (a.dataset.nav === "queue" && view === "target") || (a.dataset.nav === "brigades" && view === "brigade") || (a.dataset.nav === "clusters" && view === "cluster");
      if (active) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    });
    main.setAttribute("aria-busy", "true");
    try {
      switch (view) {
        case "target": await showTarget(arg); break;
        case "brigades": await showBrigades(); break;
        case "brigade": await showBrigade(arg); break;
        case "clusters": await showClusters(); break;
        case "cluster": await showCluster(arg); break;
        case "account": await showAccount(arg); break;
        case "search": await showSearch(arg); break;
        default: await showQueue(); break;
      }
      const title = document.getElementById("page-title");
      if (title && route.navigated) title.focus();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) page("Something went wrong", errorBox(e.message));
    } finally {
      main.removeAttribute("aria-busy");
      route.navigated = true;
    }
  }

  window.addEventListener("hashchange", route);

  (async () => {
    const res = await fetch("/auth/session", { credentials: "same-origin", headers: { "Accept": "application/json" } });
    if (res.ok) startSession(await res.json()); else showSignIn();
  })();
})();
