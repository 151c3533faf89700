// Small SVG charts drawn by hand (no library): a stacked histogram over time, a step chart of decisions, and a
// raster of members' actions. Each returns a <figure> with a text alternative.
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (parent) parent.appendChild(e);
    return e;
  }

  function fmtTime(t) {
    if (t === null || t === undefined || !isFinite(t)) return "";
    return new Date(t * 1000).toISOString().slice(0, 16).replace("T", " ");
  }

  function fmtSpan(seconds) {
    if (seconds < 120) return Math.round(seconds) + " s";
    if (seconds < 7200) return Math.round(seconds / 60) + " min";
    if (seconds < 172800) return (seconds / 3600).toFixed(1) + " h";
    return (seconds / 86400).toFixed(1) + " days";
  }

  function svgFrame(width, height, label) {
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-label": label, preserveAspectRatio: "xMinYMin meet" });
    el("title", {}, svg).textContent = label;
    return svg;
  }

  function figure(svg, caption, legend) {
    const fig = document.createElement("figure");
    fig.className = "chart-figure";
    fig.style.margin = "0";
    if (legend && legend.length) {
      const lg = document.createElement("div");
      lg.className = "legend";
      for (const item of legend) {
        const s = document.createElement("span");
        s.style.setProperty("--c", item.color);
        s.textContent = item.label;
        lg.appendChild(s);
      }
      fig.appendChild(lg);
    }
    fig.appendChild(svg);
    if (caption) {
      const c = document.createElement("figcaption");
      c.className = "muted";
      c.textContent = caption;
      fig.appendChild(c);
    }
    return fig;
  }

  function axisX(svg, x0, x1, y, t0, t1) {
    el("line", { x1: x0, x2: x1, y1: y, y2: y, class: "axis" }, svg);
    const a = el("text", { x: x0, y: y + 14 }, svg);
    a.textContent = fmtTime(t0);
    const b = el("text", { x: x1, y: y + 14, "text-anchor": "end" }, svg);
    b.textContent = fmtTime(t1);
  }

  // Counts per time bin, stacked by group. items: [{t, group}]; groups: [{key, label, color}];
  // markers: [{t, label, color}] drawn as vertical lines.
  function histogram(opts) {
    const items = opts.items || [];
    const groups = opts.groups;
    const markers = (opts.markers || []).filter(m => m.t !== null && m.t !== undefined);
    const W = 640, H = opts.height || 170, L = 34, R = 10, T = 10, B = 30;
    const label = opts.label + ": " + items.length + " " + (opts.unit || "items");
    const svg = svgFrame(W, H, label);
    if (!items.length) {
      el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, svg).textContent = "nothing to show";
      return figure(svg, opts.caption, []);
    }
    const times = items.map(i => i.t).concat(markers.map(m => m.t));
    let t0 = Math.min(...times), t1 = Math.max(...times);
    if (t1 - t0 < 60) { t0 -= 30; t1 += 30; }
    const nb = Math.max(1, Math.min(opts.bins || 48, items.length));
    const width = (t1 - t0) / nb;
    const counts = Array.from({ length: nb }, () => Object.fromEntries(groups.map(g => [g.key, 0])));
    for (const it of items) {
      const b = Math.min(nb - 1, Math.floor((it.t - t0) / width));
      counts[b][it.group] = (counts[b][it.group] || 0) + 1;
    }
    const maxC = Math.max(1, ...counts.map(c => groups.reduce((s, g) => s + c[g.key], 0)));
    const x = t => L + (W - L - R) * (t - t0) / (t1 - t0);
    const y = c => H - B - (H - T - B) * c / maxC;
    el("line", { x1: L, x2: L, y1: T, y2: H - B, class: "axis" }, svg);
    el("text", { x: L - 4, y: T + 8, "text-anchor": "end" }, svg).textContent = String(maxC);
    el("text", { x: L - 4, y: H - B, "text-anchor": "end" }, svg).textContent = "0";
    const bw = Math.max(1, (W - L - R) / nb - 1);
    counts.forEach((c, i) => {
      let acc = 0;
      for (const g of groups) {
        const v = c[g.key];
        if (!v) continue;
        const r = el("rect", { x: L + i * (W - L - R) / nb, y: y(acc + v), width: bw, height: y(acc) - y(acc + v), fill: g.color }, svg);
        el("title", {}, r).textContent = `${g.label}: ${v} (${fmtTime(t0 + i * width)} – ${fmtTime(t0 + (i + 1) * width)})`;
        acc += v;
      }
    });
    markers.forEach((m, i) => {
      const mx = x(m.t);
      el("line", { x1: mx, x2: mx, y1: T, y2: H - B, stroke: m.color, "stroke-width": 2, "stroke-dasharray": "4 3" }, svg);
      // Labels one under the other, so that markers close in time stay readable.
      const right = mx > W - 160;
      const tx = el("text", { x: right ? mx - 3 : mx + 3, y: T + 10 + 13 * i, fill: m.color, "text-anchor": right ? "end" : "start" }, svg);
      tx.textContent = m.label;
    });
    axisX(svg, L, W - R, H - B, t0, t1);
    const legend = groups.map(g => ({ label: g.label, color: g.color })).concat(markers.map(m => ({ label: m.label + " (" + fmtTime(m.t) + ")", color: m.color })));
    return figure(svg, opts.caption || `${items.length} ${opts.unit || "items"} over ${fmtSpan(t1 - t0)}, in ${nb} bins of ${fmtSpan(width)}`, legend);
  }

  // A step chart: the level of each change ({t, level}) held until the next; levels are named bottom to top.
  function steps(opts) {
    const changes = (opts.series ? opts.series.flatMap(sr => sr.changes) : opts.changes || []).slice().sort((a, b) => a.t - b.t);
    const levels = opts.levels;
    const W = 640, H = 40 + 28 * levels.length, L = 70, R = 10, T = 10, B = 30;
    const label = opts.label + ": " + changes.length + " changes";
    const svg = svgFrame(W, H, label);
    if (!changes.length) {
      el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, svg).textContent = "no changes";
      return figure(svg, opts.caption, []);
    }
    let t0 = changes[0].t, t1 = Math.max(opts.until || 0, changes[changes.length - 1].t);
    if (t1 - t0 < 60) t1 = t0 + 60;
    const x = t => L + (W - L - R) * (t - t0) / (t1 - t0);
    const y = lv => H - B - (H - T - B) * (levels.indexOf(lv) + 0.5) / levels.length;
    levels.forEach(lv => {
      el("text", { x: L - 6, y: y(lv) + 4, "text-anchor": "end" }, svg).textContent = lv;
      el("line", { x1: L, x2: W - R, y1: y(lv), y2: y(lv), stroke: "#eee" }, svg);
    });
    const series = opts.series || [{ changes, color: "#1f2a44", label: "" }];
    series.forEach((sr, k) => {
      if (!sr.changes.length) return;
      const off = (k - (series.length - 1) / 2) * 4;
      let d = "";
      sr.changes.forEach((c, i) => {
        const cx = x(c.t), cy = y(c.level) + off;
        d += i === 0 ? `M${cx},${cy}` : `H${cx}V${cy}`;
      });
      d += `H${W - R}`;
      el("path", { d, fill: "none", stroke: sr.color, "stroke-width": 2, "stroke-dasharray": k ? "6 3" : "none", "data-series": sr.label }, svg);
      sr.changes.forEach(c => {
        const dot = el("circle", { cx: x(c.t), cy: y(c.level) + off, r: 4, fill: sr.color }, svg);
        el("title", {}, dot).textContent = `${sr.label ? sr.label + ", " : ""}${fmtTime(c.t)}: ${c.level}${c.note ? " — " + c.note : ""}`;
      });
    });
    axisX(svg, L, W - R, H - B, t0, t1);
    return figure(svg, opts.caption, opts.legend);
  }

  // Members' actions: one row per account, one tick per action (coloured by group).
  function raster(opts) {
    const rows = opts.rows;
    const points = opts.points || [];
    const rowH = rows.length > 60 ? 4 : rows.length > 25 ? 8 : 14;
    const W = 640, L = rows.length > 25 ? 12 : 110, R = 10, T = 6, B = 30;
    const H = T + B + rowH * rows.length;
    const label = opts.label + ": " + points.length + " actions by " + rows.length + " accounts";
    const svg = svgFrame(W, H, label);
    if (!points.length) {
      el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, svg).textContent = "nothing to show";
      return figure(svg, opts.caption, []);
    }
    let t0 = Math.min(...points.map(p => p.t)), t1 = Math.max(...points.map(p => p.t));
    if (t1 - t0 < 60) { t0 -= 30; t1 += 30; }
    const x = t => L + (W - L - R) * (t - t0) / (t1 - t0);
    const index = new Map(rows.map((r, i) => [r.id, i]));
    if (L > 20) {
      rows.forEach((r, i) => {
        const t = el("text", { x: L - 4, y: T + rowH * i + rowH - 3, "text-anchor": "end" }, svg);
        t.textContent = r.label.length > 16 ? r.label.slice(0, 15) + "…" : r.label;
      });
    }
    const colors = new Map((opts.groups || []).map(g => [g.key, g.color]));
    for (const p of points) {
      const i = index.get(p.row);
      if (i === undefined) continue;
      el("rect", { x: x(p.t) - 1, y: T + rowH * i + 1, width: 2.5, height: Math.max(2, rowH - 2), fill: colors.get(p.group) || "#1f2a44" }, svg);
    }
    axisX(svg, L, W - R, H - B, t0, t1);
    return figure(svg, opts.caption || `${points.length} actions over ${fmtSpan(t1 - t0)}; rows are accounts`, opts.groups);
  }

  window.TansiqCharts = { histogram, steps, raster, fmtTime, fmtSpan };
})();
