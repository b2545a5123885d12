/** The page's stylesheet and its chart script: fixed text, no data in them. */

export const STYLE = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #1d4ed8;
  --warn-bg: #fff7e6; --warn-line: #f0b429; --missing-bg: #f0f4f8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 0.75rem; padding-top: 1rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
p, ul { margin: 0 0 0.9rem; }
li { margin: 0.2rem 0; }
code { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f5f7fa;
  padding: 0 0.2em; border-radius: 3px; overflow-wrap: break-word; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; border-bottom-width: 2px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.lead { color: var(--muted); }
.caveat { background: var(--warn-bg); border-left: 4px solid var(--warn-line); padding: 0.6rem 0.8rem; }
.missing { background: var(--missing-bg); border-left: 4px solid var(--muted); padding: 0.6rem 0.8rem; }
.note { color: var(--muted); font-size: 0.9rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; margin: 0 0 1rem; }
figure.chart { margin: 0; padding: 0.75rem; border: 1px solid var(--line); border-radius: 6px; }
figure.chart[hidden] { display: none; }
figure.chart figcaption { font-size: 0.9rem; color: var(--muted); margin-bottom: 0.5rem; }
.chart-box { position: relative; height: 14rem; }
.chart-box.wide { height: 18rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem; z-index: 2; }
.skip:focus { left: 0.5rem; }
nav.site { border-bottom: 1px solid var(--line); background: #f8fafc; }
nav.site ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0 auto; max-width: 60rem; padding: 0.6rem 1.25rem; }
nav.site a { text-decoration: none; font-weight: 500; }
nav.site a[aria-current="page"] { text-decoration: underline; text-underline-offset: 0.3em; color: var(--ink); }
.headlines { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0.75rem; margin: 1rem 0 1.5rem; padding: 0; list-style: none; }
.headline { border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem; }
.headline .q { font-size: 0.85rem; color: var(--muted); margin: 0 0 0.25rem; }
.headline .value { font-size: 1.8rem; font-weight: 700; line-height: 1.1; margin: 0; }
.headline .label { margin: 0 0 0.4rem; }
.headline .rests { font-size: 0.82rem; color: var(--muted); margin: 0 0 0.4rem; }
.headline .chart-box { height: 5rem; }
.crumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0; margin: 0 0 0.75rem; }
.crumbs li + li::before { content: "›"; margin-right: 0.25rem; color: var(--muted); }
.treemap { width: 100%; height: auto; display: block; margin: 0 0 0.5rem; font: 13px system-ui, sans-serif; }
.treemap a:focus rect, .treemap a:hover rect { stroke: #111; stroke-width: 3; }
.treemap text { pointer-events: none; }
.tile { stroke: #fff; stroke-width: 1; }
.s-orphaned { fill: #881337; } .s-knowledge-island { fill: #f97316; } .s-at-risk { fill: #facc15; }
.s-shared { fill: #15803d; } .s-unknown { fill: #94a3b8; }
.t-light { fill: #fff; } .t-dark { fill: #1f2933; }
.legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; list-style: none; font-size: 0.9rem; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border-radius: 2px; vertical-align: -0.1rem; margin-right: 0.3rem; }
.swatch.s-orphaned { background: #881337; } .swatch.s-knowledge-island { background: #f97316; }
.swatch.s-at-risk { background: #facc15; } .swatch.s-shared { background: #15803d; } .swatch.s-unknown { background: #94a3b8; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; }
fieldset label { display: inline-block; margin: 0.2rem 1rem 0.2rem 0; }
button { font: inherit; padding: 0.35rem 0.9rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
.change { font-weight: 700; }
pre.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 0.9rem/1.45 ui-monospace, monospace; background: #f5f7fa; padding: 0.75rem; border-radius: 4px; }
@media (max-width: 40rem) {
  main { padding: 1rem 0.75rem 3rem; }
  h1 { font-size: 1.35rem; }
  table, thead, tbody, tr, th, td { display: block; width: 100%; }
  thead tr { position: absolute; left: -9999px; top: -9999px; }
  tr { border-bottom: 2px solid var(--line); padding: 0.35rem 0; }
  td { border: none; padding: 0.15rem 0; overflow-wrap: anywhere; }
  td.num { text-align: left; white-space: normal; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  code { overflow-wrap: anywhere; }
}
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure.chart, tr { break-inside: avoid; }
}
`.trim();

/**
 * Draws each chart described in the `legible-charts` block with Chart.js, and shows its figure
 * (figures stay hidden without JavaScript: the page's text and tables carry every figure).
 *
 * The charts come after the page: drawing starts once the load event has fired, so the text and
 * tables are shown (first contentful paint) and the page is complete (load) without waiting for
 * the chart library or the drawing. Where Chart.js is not already on the page (the dashboard, whose
 * script tag names it in `data-library`), it is loaded then, from the same origin; the static
 * report inlines it; a page without a chart does not load it. The charts are drawn one per task,
 * so the page stays responsive meanwhile; when all are done the document gets `data-charts-drawn`
 * (their number) and a performance mark `legible:charts-drawn`. Errors are reported on the
 * console, per chart.
 */
export const DRAW_SCRIPT = `
(function () {
  "use strict";
  var block = document.getElementById("legible-charts");
  if (!block) return;
  var specs = JSON.parse(block.textContent || "[]");
  var script = document.currentScript;
  var library = script ? script.getAttribute("data-library") : null;

  function done(drawn) {
    document.documentElement.setAttribute("data-charts-drawn", String(drawn));
    if (performance.mark) performance.mark("legible:charts-drawn");
  }

  function start() {
    // A page without a chart needs no chart library.
    if (!specs.some(function (spec) { return document.getElementById(spec.id); })) return done(0);
    if (typeof Chart !== "undefined") return draw();
    if (!library) return;
    var tag = document.createElement("script");
    tag.src = library;
    tag.onload = draw;
    tag.onerror = function () { console.error("legible: could not load the chart library " + library); };
    document.head.appendChild(tag);
  }

  function draw() {
    if (typeof Chart === "undefined") return;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = "#1f2933";
    // Every figure shown at once (one layout), then one chart per task.
    var pending = [];
    specs.forEach(function (spec) {
      var canvas = document.getElementById(spec.id);
      if (!canvas) return;
      var figure = canvas.closest("figure");
      if (figure) figure.hidden = false;
      if (spec.horizontal)
        canvas.parentElement.style.height = Math.max(12, 4 + spec.labels.length * spec.datasets.length * 0.9) + "rem";
      pending.push({ spec: spec, canvas: canvas });
    });
    var drawn = 0;
    function next() {
      var item = pending.shift();
      if (!item) return done(drawn);
      try {
        one(item.spec, item.canvas);
        drawn += 1;
      } catch (error) {
        console.error("legible: could not draw chart " + item.spec.id + ": " + error);
      }
      setTimeout(next, 0);
    }
    next();
  }

  function one(spec, canvas) {
    var valueAxis = { beginAtZero: true, title: { display: !spec.small, text: spec.unit } };
    if (spec.unit !== "hours") valueAxis.ticks = { precision: 0 };
    var line = spec.type === "line";
    new Chart(canvas, {
      type: line ? "line" : "bar",
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d) {
          return { label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color, spanGaps: true };
        })
      },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: !spec.small, position: "bottom" } },
        scales: spec.horizontal ? { x: valueAxis } : { y: valueAxis, x: { ticks: { display: !spec.small } } }
      }
    });
  }

  // After the load event, in a task of its own (the load event's end is not held up by drawing).
  if (document.readyState === "complete") setTimeout(start, 0);
  else window.addEventListener("load", function () { setTimeout(start, 0); });
})();
`.trim();
