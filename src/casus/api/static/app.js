// casus dashboard: every view is drawn from the JSON API it links to (no external packages, no CDN).
"use strict";

const state = { offset: 0, limit: 50, total: 0 };
const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const HAPPENED = new Set(["asserted", "reported"]);
const SVG = "http://www.w3.org/2000/svg";

function filterParams() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters")).entries()) if (String(v).trim()) params.set(k, String(v).trim());
  return params;
}

async function getJSON(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${(await res.json().catch(() => ({}))).detail || ""}`);
  return res.json();
}

function badge(modality) { return `<span class="badge ${esc(modality)}">${esc(modality)}</span>`; }

async function loadEvents() {
  const params = filterParams();
  params.set("limit", state.limit); params.set("offset", state.offset);
  const url = `/events?${params}`;
  $("#events-json").href = url;
  const data = await getJSON(url);
  state.total = data.total;
  $("#events-count").textContent = `${data.total} events` + (data.total ? ` — showing ${data.offset + 1}–${data.offset + data.events.length}` : "");
  const body = $("#events tbody");
  body.innerHTML = data.events.map((e) => `
    <tr data-id="${esc(e.event_id)}" class="${HAPPENED.has(e.modality) && !e.negated ? "" : "not-happened"}">
      <td>${esc(e.event_date)}</td>
      <td title="${esc(e.source_text)}">${esc(e.source_code)}</td>
      <td>${esc(e.cameo)} <span class="muted">${esc(e.plover)}</span></td>
      <td title="${esc(e.target_text)}">${esc(e.target_code)}</td>
      <td>${badge(e.modality)}${e.negated ? ' <span class="badge denied">negated</span>' : ""}</td>
      <td class="evidence">${esc((e.evidence_text || "").slice(0, 160))}</td>
    </tr>`).join("");
  for (const tr of body.querySelectorAll("tr")) tr.addEventListener("click", () => showEvent(tr.dataset.id));
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = state.offset + state.limit >= state.total;
  drawMap(data.events);
}

async function showEvent(id) {
  const url = `/events/${encodeURIComponent(id)}`;
  const data = await getJSON(url);
  const e = data.event, h = data.highlight, d = data.document || {};
  $("#detail-json").href = url;
  const actor = (a) => a ? `${esc(a.code)} <span class="muted">“${esc(a.text)}”</span>` : "—";
  $("#detail-body").innerHTML = `
    <p class="evidence-sentence">${h ? `${esc(h.before)}<mark>${esc(h.evidence)}</mark>${esc(h.after)}` : esc(e.evidence.text)}</p>
    <dl>
      <dt>Source</dt><dd>${actor(e.source)}</dd>
      <dt>Event</dt><dd>${esc(e.cameo)} ${esc(e.plover)} (Goldstein ${esc(e.goldstein)})</dd>
      <dt>Target</dt><dd>${actor(e.target)}</dd>
      <dt>Modality</dt><dd>${badge(e.modality)}${e.negated ? " negated" : ""}</dd>
      <dt>According to</dt><dd>${e.attribution ? `${esc(e.attribution.code)} <span class="muted">“${esc(e.attribution.text)}”</span>` : "the writer"}</dd>
      <dt>Date</dt><dd>${esc(e.date)} (${esc(e.date_precision)}${e.date_source === "published" ? ", publication date" : ""})</dd>
      <dt>Quantities</dt><dd>${(e.quantities || []).map((q) => `${esc(q.value)} ${esc(q.unit || "")} (${esc(q.qualifier || "")})`).join(", ") || "—"}</dd>
      <dt>Place</dt><dd>${e.location ? esc(e.location.text) : "—"}</dd>
      <dt>Confidence</dt><dd>${esc(e.confidence)}</dd>
      <dt>Rule</dt><dd>${esc(e.rule)}</dd>
      <dt>Across sources</dt><dd>${data.canonical ? `${esc(data.canonical.num_articles)} articles, ${esc(data.canonical.num_sources)} independent sources, ${esc(data.canonical.num_mentions)} mentions` : "—"}</dd>
      <dt>Document</dt><dd>${d.url ? `<a href="${esc(d.url)}">${esc(d.title || d.url)}</a>` : esc(d.title || d.doc_id)} <a class="json" href="/documents/${encodeURIComponent(d.doc_id || "")}">JSON</a></dd>
    </dl>
    <h3>Mentions (${data.mentions.length})</h3>
    <ol class="mentions">${data.mentions.map((m) => `<li><span class="muted">${esc(m.kind)}</span> ${esc(m.text)}</li>`).join("")}</ol>`;
  $("#detail").hidden = false;
}

function svgEl(name, attrs, text) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

async function drawTimeline() {
  const svg = $("#timeline");
  svg.innerHTML = "";
  const pair = (filterParams().get("pair") || "").split(",").map((s) => s.trim()).filter(Boolean);
  if (pair.length !== 2) return;
  const url = `/series?a=${encodeURIComponent(pair[0])}&b=${encodeURIComponent(pair[1])}`;
  $("#series-json").href = url;
  const rows = (await getJSON(url)).series;
  if (!rows.length) { svg.append(svgEl("text", { x: 20, y: 30 }, "no events for this pair")); return; }
  const W = 800, H = 220, P = 30;
  const gold = rows.map((r) => r.goldstein_sum), idx = rows.map((r) => r.escalation_index ?? 0);
  const lo = Math.min(0, ...gold, ...idx), hi = Math.max(0, ...gold, ...idx) || 1;
  const x = (i) => P + (rows.length === 1 ? 0 : (i * (W - 2 * P)) / (rows.length - 1));
  const y = (v) => H - P - ((v - lo) * (H - 2 * P)) / (hi - lo || 1);
  svg.append(svgEl("line", { x1: P, x2: W - P, y1: y(0), y2: y(0), stroke: "#bbb" }));
  const path = (vals, color, cls) => svg.append(svgEl("polyline", {
    points: vals.map((v, i) => `${x(i)},${y(v)}`).join(" "), fill: "none", stroke: color, "stroke-width": 2, class: cls }));
  path(gold, "#1d3557", "goldstein"); path(idx, "#e63946", "escalation");
  rows.forEach((r, i) => svg.append(svgEl("circle", { cx: x(i), cy: y(r.goldstein_sum), r: 3, fill: "#1d3557" }, )));
  svg.append(svgEl("text", { x: P, y: 16, fill: "#1d3557" }, `Goldstein sum (${rows[0].period} – ${rows[rows.length - 1].period})`));
  svg.append(svgEl("text", { x: P + 330, y: 16, fill: "#e63946" }, "escalation index"));
}

async function drawNetwork() {
  const svg = $("#network");
  svg.innerHTML = "";
  const edges = (await getJSON("/actors?limit=40")).edges;
  const nodes = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
  const R = 160, C = 210;
  const pos = Object.fromEntries(nodes.map((n, i) => [n, [C + R * Math.cos((2 * Math.PI * i) / nodes.length), C + R * Math.sin((2 * Math.PI * i) / nodes.length)]]));
  for (const e of edges) {
    const [a, b] = [pos[e.source], pos[e.target]];
    svg.append(svgEl("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: e.goldstein < 0 ? "#e63946" : "#2a9d8f", "stroke-width": Math.min(1 + e.events, 6), opacity: 0.6 }));
  }
  for (const n of nodes) {
    svg.append(svgEl("circle", { cx: pos[n][0], cy: pos[n][1], r: 6, fill: "#1d3557", class: "node" }));
    svg.append(svgEl("text", { x: pos[n][0] + 8, y: pos[n][1] + 4, "font-size": 11 }, n));
  }
}

function drawMap(events) {
  const svg = $("#map");
  svg.innerHTML = "";
  const x = (lon) => ((lon + 180) / 360) * 720, y = (lat) => ((90 - lat) / 180) * 360;
  for (let lon = -180; lon <= 180; lon += 30) svg.append(svgEl("line", { x1: x(lon), x2: x(lon), y1: 0, y2: 360, stroke: "#e3e7ec" }));
  for (let lat = -90; lat <= 90; lat += 30) svg.append(svgEl("line", { x1: 0, x2: 720, y1: y(lat), y2: y(lat), stroke: "#e3e7ec" }));
  for (const e of events.filter((e) => e.lat != null && e.lon != null)) {
    const dot = svgEl("circle", { cx: x(e.lon), cy: y(e.lat), r: 5, fill: HAPPENED.has(e.modality) ? "#e63946" : "none", stroke: "#e63946", class: "place" });
    dot.append(svgEl("title", {}, `${e.location_text}: ${e.source_code} ${e.cameo} ${e.target_code ?? ""}`));
    dot.addEventListener("click", () => showEvent(e.event_id));
    svg.append(dot);
  }
}

async function loadAlerts() {
  const data = await getJSON("/alerts?limit=20");
  $("#alerts").innerHTML = data.alerts.map((a) => `<li><strong>${esc(a.pair.join("–"))}</strong> week of ${esc(a.period)}: index ${esc(a.escalation_index)}
    <ul>${a.drivers.slice(0, 3).map((d) => `<li>${esc(d.source)} ${esc(d.cameo)} ${esc(d.target)} ${badge(d.modality)} ${esc((d.evidence || "").slice(0, 100))}</li>`).join("")}</ul></li>`).join("") || '<li class="muted">no alerts</li>';
}

async function loadStories() {
  const [stories, claims] = await Promise.all([getJSON("/stories?limit=10"), getJSON("/claims?limit=10")]);
  $("#stories").innerHTML = stories.stories.map((s) => `<li><strong>${esc(s.title || s.story_id)}</strong>
    <span class="muted">${esc(s.n_docs)} documents, ${esc(s.n_sources)} sources, ${esc((s.languages || []).join("/"))}, ${esc(s.first_seen)}</span></li>`).join("")
    || `<li class="muted">${esc(stories.note || "no stories")}</li>`;
  $("#claims").innerHTML = claims.claims.map((c) => `<li><span class="badge claim ${esc(c.status)}">${esc(c.status)}</span>
    ${esc(c.source_code)} ${esc(c.cameo)} ${esc(c.target_code || "")}
    <ol>${c.history.map((h) => `<li>${esc(h.date)} ${badge(h.modality)} ${h.attribution ? "according to " + esc(h.attribution_text || h.attribution) : "the writer"}: ${esc((h.evidence || "").slice(0, 120))}</li>`).join("")}</ol></li>`).join("")
    || '<li class="muted">no claims</li>';
}

async function loadSummary() {
  const s = await getJSON("/summary");
  $("#summary").textContent = `${s.documents} documents · ${s.events} events · ${Object.keys(s.languages).join(", ")}`;
}

function refresh() {
  state.offset = 0;
  Promise.all([loadEvents(), drawTimeline()]).catch(showError);
}

function showError(err) { $("#events-count").textContent = String(err.message || err); }

$("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
$("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents().catch(showError); });
$("#next").addEventListener("click", () => { state.offset += state.limit; loadEvents().catch(showError); });
$("#close-detail").addEventListener("click", () => { $("#detail").hidden = true; });
Promise.all([loadSummary(), loadEvents(), drawNetwork(), loadAlerts(), loadStories()]).catch(showError);
