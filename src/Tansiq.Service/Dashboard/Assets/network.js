// An interactive network view in SVG: a force layout computed here (repulsion between all nodes, springs along
// edges, a pull to the centre), then drawn; drag a node to move it, drag the background to pan, the wheel or the
// buttons to zoom, Tab to a node and Enter (or click it) to show the account.
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (parent) parent.appendChild(e);
    return e;
  }

  // Deterministic layout: the same graph is drawn the same way every time.
  function layout(nodes, edges, width, height) {
    const n = nodes.length;
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    const xs = new Float64Array(n), ys = new Float64Array(n);
    const members = nodes.filter(d => d.member).length;
    let mi = 0, oi = 0;
    nodes.forEach((d, i) => {
      const inner = d.member;
      const k = inner ? mi++ : oi++;
      const count = inner ? Math.max(1, members) : Math.max(1, n - members);
      const r = (inner ? 0.18 : 0.42) * Math.min(width, height);
      const a = 2 * Math.PI * k / count + (inner ? 0 : 0.3);
      xs[i] = width / 2 + r * Math.cos(a);
      ys[i] = height / 2 + r * Math.sin(a);
    });
    const links = edges.map(e => [index.get(e.source), index.get(e.target), e.weight]).filter(l => l[0] !== undefined && l[1] !== undefined);
    const ideal = Math.max(18, Math.min(70, Math.sqrt(width * height / Math.max(1, n)) * 0.6));
    const iterations = n > 150 ? 160 : 260;
    for (let it = 0; it < iterations; it++) {
      const cool = 1 - it / iterations;
      const fx = new Float64Array(n), fy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let dx = xs[i] - xs[j], dy = ys[i] - ys[j];
          let d2 = dx * dx + dy * dy;
          if (d2 < 0.01) { dx = (i - j) * 0.1; dy = 0.1; d2 = dx * dx + dy * dy; }
          const f = ideal * ideal / d2;
          fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
        }
      }
      for (const [a, b] of links) {
        const dx = xs[a] - xs[b], dy = ys[a] - ys[b];
        const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        const f = (d - ideal) / d * 0.5;
        fx[a] -= dx * f; fy[a] -= dy * f; fx[b] += dx * f; fy[b] += dy * f;
      }
      for (let i = 0; i < n; i++) {
        fx[i] += (width / 2 - xs[i]) * 0.02;
        fy[i] += (height / 2 - ys[i]) * 0.02;
        const len = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]) || 1;
        const step = Math.min(len, 12 * cool + 0.5);
        xs[i] += fx[i] / len * step;
        ys[i] += fy[i] / len * step;
      }
    }
    // Fit the drawing into the frame (a margin of 24 units), keeping its proportions.
    if (n > 0) {
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      for (let i = 0; i < n; i++) { x0 = Math.min(x0, xs[i]); x1 = Math.max(x1, xs[i]); y0 = Math.min(y0, ys[i]); y1 = Math.max(y1, ys[i]); }
      const m = 24;
      const k = Math.min((width - 2 * m) / Math.max(1, x1 - x0), (height - 2 * m) / Math.max(1, y1 - y0));
      const ox = (width - k * (x1 - x0)) / 2, oy = (height - k * (y1 - y0)) / 2;
      for (let i = 0; i < n; i++) { xs[i] = ox + (xs[i] - x0) * k; ys[i] = oy + (ys[i] - y0) * k; }
    }
    return nodes.map((d, i) => ({ ...d, x: xs[i], y: ys[i] }));
  }

  function render(container, opts) {
    const W = 800, H = 520;
    const nodes = layout(opts.nodes, opts.edges, W, H);
    const byId = new Map(nodes.map(d => [d.id, d]));
    container.textContent = "";
    const tools = document.createElement("div");
    tools.className = "network-tools";
    const mkButton = (text, label, fn) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.setAttribute("aria-label", label);
      b.addEventListener("click", fn);
      tools.appendChild(b);
      return b;
    };
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "group", tabindex: "0",
      "aria-label": `Network of ${nodes.length} accounts and ${opts.edges.length} edges; arrow keys pan, + and - zoom, Tab reaches the accounts` });
    const view = el("g", { class: "viewport" }, svg);
    const edgeLayer = el("g", {}, view);
    const nodeLayer = el("g", {}, view);
    let scale = 1, tx = 0, ty = 0;
    const apply = () => view.setAttribute("transform", `translate(${tx},${ty}) scale(${scale})`);
    const zoom = (factor, cx = W / 2, cy = H / 2) => {
      const next = Math.max(0.2, Math.min(8, scale * factor));
      tx = cx - (cx - tx) * next / scale;
      ty = cy - (cy - ty) * next / scale;
      scale = next;
      apply();
      svg.dataset.scale = scale.toFixed(3);
    };
    mkButton("+", "Zoom in", () => zoom(1.25));
    mkButton("−", "Zoom out", () => zoom(0.8));
    mkButton("Reset view", "Reset view", () => { scale = 1; tx = 0; ty = 0; apply(); svg.dataset.scale = "1.000"; });
    const legend = document.createElement("span");
    legend.className = "muted";
    legend.textContent = opts.legend || "";
    tools.appendChild(legend);

    const lines = [];
    for (const e of opts.edges) {
      const a = byId.get(e.source), b = byId.get(e.target);
      if (!a || !b) continue;
      const line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: e.significant ? "sig" : "", "stroke-width": Math.min(4, 0.6 + Math.log2(1 + e.weight) * 0.5) }, edgeLayer);
      el("title", {}, line).textContent = `${e.source} – ${e.target}: ${e.signal} ×${e.weight}`;
      lines.push({ line, a, b });
    }
    const info = document.createElement("div");
    info.className = "node-info";
    info.setAttribute("aria-live", "polite");
    info.textContent = "Select an account (click it, or Tab to it and press Enter).";
    let selected = null;
    const select = d => {
      if (selected) selected.g.classList.remove("selected");
      selected = d;
      d.g.classList.add("selected");
      if (opts.onSelect) opts.onSelect(d, info);
    };
    const nodeGroups = [];
    for (const d of nodes) {
      const g = el("g", { class: "node", tabindex: "0", role: "button", "data-id": d.id,
        "aria-label": `${d.username ? "@" + d.username + " " : ""}(${d.id})${d.member ? ", member" : d.cluster ? ", cluster " + d.cluster : ""}` }, nodeLayer);
      g.setAttribute("transform", `translate(${d.x},${d.y})`);
      el("circle", { r: d.member ? 7 : 5, fill: d.member ? "var(--member)" : d.cluster ? "#7b1fa2" : "var(--other)", stroke: "#fff", "stroke-width": 1.5 }, g);
      el("title", {}, g).textContent = (d.username ? "@" + d.username + " " : "") + d.id;
      d.g = g;
      g.addEventListener("keydown", ev => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(d); } });
      nodeGroups.push(g);
    }

    // Pointer: drag a node, or pan the background; a press without a move on a node selects it.
    const toGraph = ev => {
      const pt = svg.createSVGPoint();
      pt.x = ev.clientX; pt.y = ev.clientY;
      const p = pt.matrixTransform(svg.getScreenCTM().inverse());
      return { x: (p.x - tx) / scale, y: (p.y - ty) / scale, sx: p.x, sy: p.y };
    };
    let drag = null;
    svg.addEventListener("pointerdown", ev => {
      const g = ev.target.closest ? ev.target.closest(".node") : null;
      const p = toGraph(ev);
      drag = g ? { node: byId.get(g.dataset.id), moved: false, start: p } : { pan: true, sx: p.sx, sy: p.sy, tx, ty };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", ev => {
      if (!drag) return;
      const p = toGraph(ev);
      if (drag.node) {
        if (Math.abs(p.x - drag.start.x) + Math.abs(p.y - drag.start.y) > 2) drag.moved = true;
        if (!drag.moved) return;
        drag.node.x = p.x; drag.node.y = p.y;
        drag.node.g.setAttribute("transform", `translate(${p.x},${p.y})`);
        for (const l of lines) {
          if (l.a === drag.node) { l.line.setAttribute("x1", p.x); l.line.setAttribute("y1", p.y); }
          if (l.b === drag.node) { l.line.setAttribute("x2", p.x); l.line.setAttribute("y2", p.y); }
        }
      } else {
        tx = drag.tx + (p.sx - drag.sx); ty = drag.ty + (p.sy - drag.sy);
        apply();
      }
    });
    svg.addEventListener("pointerup", () => {
      if (drag && drag.node && !drag.moved) select(drag.node);
      drag = null;
    });
    svg.addEventListener("wheel", ev => {
      ev.preventDefault();
      const p = toGraph(ev);
      zoom(ev.deltaY < 0 ? 1.15 : 1 / 1.15, p.sx, p.sy);
    }, { passive: false });
    svg.addEventListener("keydown", ev => {
      if (ev.target !== svg) return;
      const step = 40;
      if (ev.key === "+" || ev.key === "=") zoom(1.25);
      else if (ev.key === "-") zoom(0.8);
      else if (ev.key === "ArrowLeft") { tx += step; apply(); }
      else if (ev.key === "ArrowRight") { tx -= step; apply(); }
      else if (ev.key === "ArrowUp") { ty += step; apply(); }
      else if (ev.key === "ArrowDown") { ty -= step; apply(); }
      else return;
      ev.preventDefault();
    });
    svg.dataset.scale = "1.000";
    const wrap = document.createElement("div");
    wrap.className = "network-wrap";
    wrap.append(tools, svg, info);
    container.appendChild(wrap);
    return { svg, select: id => { const d = byId.get(id); if (d) select(d); } };
  }

  window.TansiqNetwork = { render, layout };
})();
