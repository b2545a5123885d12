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
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure.chart, tr { break-inside: avoid; }
}
`.trim();

/**
 * Draws each chart described in the `legible-charts` block with Chart.js, and shows its figure
 * (figures stay hidden without JavaScript: the page's text and tables carry every figure).
 * Errors are reported on the console, per chart.
 */
export const DRAW_SCRIPT = `
(function () {
  "use strict";
  var block = document.getElementById("legible-charts");
  if (!block || typeof Chart === "undefined") return;
  var specs = JSON.parse(block.textContent || "[]");
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = "#1f2933";
  var drawn = 0;
  specs.forEach(function (spec) {
    try {
      var canvas = document.getElementById(spec.id);
      if (!canvas) return;
      var figure = canvas.closest("figure");
      if (figure) figure.hidden = false;
      if (spec.horizontal)
        canvas.parentElement.style.height = Math.max(12, 4 + spec.labels.length * spec.datasets.length * 0.9) + "rem";
      var valueAxis = { beginAtZero: true, title: { display: true, text: spec.unit } };
      if (spec.unit !== "hours") valueAxis.ticks = { precision: 0 };
      new Chart(canvas, {
        type: "bar",
        data: {
          labels: spec.labels,
          datasets: spec.datasets.map(function (d) {
            return { label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color };
          })
        },
        options: {
          indexAxis: spec.horizontal ? "y" : "x",
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { position: "bottom" } },
          scales: spec.horizontal ? { x: valueAxis } : { y: valueAxis }
        }
      });
      drawn += 1;
    } catch (error) {
      console.error("legible: could not draw chart " + spec.id + ": " + error);
    }
  });
  document.documentElement.setAttribute("data-charts-drawn", String(drawn));
})();
`.trim();
