/**
 * A treemap as SVG, laid out on the server (d3-hierarchy's squarified tiling): every tile is a
 * link (keyboard-focusable, named by its `<title>` and `aria-label`), coloured by knowledge status
 * through a class, so the page needs no script and no inline style to show or follow it.
 */
import { hierarchy, treemap, treemapSquarify } from "d3-hierarchy";
import { html, type Markup } from "../markup.js";

export interface Tile {
  label: string;
  /** A second line: the figure the colour stands for ("TF 1 · island"). */
  detail: string;
  /** Size: files. */
  value: number;
  /** orphaned, knowledge-island, at-risk, shared or unknown. */
  status: string;
  href: string;
}

const WIDTH = 640;
const HEIGHT = 400;

export const STATUS_LABELS: Record<string, string> = {
  orphaned: "orphaned (no active author)",
  "knowledge-island": "knowledge island (one active author)",
  "at-risk": "at risk (truck factor 1 or less)",
  shared: "shared",
  unknown: "no scored history",
};

export function treemapSvg(tiles: readonly Tile[], label: string): Markup {
  const shown = tiles.filter((t) => t.value > 0);
  if (shown.length === 0) return html`<p class="note">Nothing to draw: no scored files here.</p>`;
  const root = hierarchy<{ tile?: Tile; children?: { tile: Tile }[] }>({
    children: shown.map((tile) => ({ tile })),
  })
    .sum((d) => d.tile?.value ?? 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const laid = treemap<{ tile?: Tile }>()
    .size([WIDTH, HEIGHT])
    .paddingInner(2)
    .tile(treemapSquarify)(root);
  const leaves = laid.leaves();
  return html`<svg class="treemap" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-label="${label}">
${leaves.map((leaf) => {
  const tile = leaf.data.tile!;
  const w = leaf.x1 - leaf.x0;
  const h = leaf.y1 - leaf.y0;
  const name = `${tile.label}: ${tile.detail}, ${tile.value} ${tile.value === 1 ? "file" : "files"}`;
  const textClass = tile.status === "orphaned" || tile.status === "shared" ? "t-light" : "t-dark";
  const fits = w > 46 && h > 20;
  const fitsTwo = w > 46 && h > 38;
  const chars = Math.max(3, Math.floor((w - 8) / 7.2));
  return html`<a href="${tile.href}" aria-label="${name}"><title>${name}</title><rect class="tile s-${tile.status}" x="${r(leaf.x0)}" y="${r(leaf.y0)}" width="${r(w)}" height="${r(h)}"></rect>${
    fits
      ? html`<text class="${textClass}" x="${r(leaf.x0 + 4)}" y="${r(leaf.y0 + 16)}">${clip(tile.label, chars)}</text>`
      : ""
  }${
    fitsTwo
      ? html`<text class="${textClass}" x="${r(leaf.x0 + 4)}" y="${r(leaf.y0 + 32)}">${clip(tile.detail, chars)}</text>`
      : ""
  }</a>\n`;
})}</svg>
<ul class="legend" aria-label="Colours">${Object.entries(STATUS_LABELS).map(
    ([status, text]) => html`<li><span class="swatch s-${status}"></span>${text}</li>`,
  )}</ul>\n`;
}

function r(n: number): string {
  return n.toFixed(1);
}

function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}
