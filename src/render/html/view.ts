/** HTML from the view model: every text escaped by `html`; links only as given (relative). */
import { type Block, type Cell, type Column, type Inline, plainText } from "../view.js";
import { html, type Markup, type Part } from "./markup.js";

export function htmlInline(parts: readonly Inline[]): Markup {
  return html`${parts.map(htmlPart)}`;
}

function htmlPart(part: Inline): Part {
  switch (part.kind) {
    case "text":
      return part.text;
    case "code":
      return html`<code>${part.text}</code>`;
    case "strong":
      return html`<strong>${htmlInline(part.parts)}</strong>`;
    case "link":
      return html`<a href="${part.href}">${part.text}</a>`;
  }
}

/** The blocks as HTML; `charts` blocks become what `figure` makes of their chart ids. */
export function htmlBlocks(blocks: readonly Block[], figure: (ids: string[]) => Part): Markup {
  return html`${blocks.map((block) => htmlBlock(block, figure))}`;
}

function htmlBlock(block: Block, figure: (ids: string[]) => Part): Part {
  switch (block.kind) {
    case "paragraph":
      return block.role
        ? html`<p class="${block.role}">${htmlInline(block.parts)}</p>\n`
        : html`<p>${htmlInline(block.parts)}</p>\n`;
    case "note":
      return html`<p class="caveat"><strong>${block.label}:</strong> ${htmlInline(block.parts)}</p>\n`;
    case "list":
      return html`<ul>\n${block.items.map((item) => html`<li>${htmlInline(item)}</li>\n`)}</ul>\n`;
    case "heading":
      return html`<h3>${htmlInline(block.parts)}</h3>\n`;
    case "table":
      return table(block.name, block.columns, block.rows);
    case "group":
      return html`<article class="${block.name}">\n${htmlBlocks(block.blocks, figure)}</article>\n`;
    case "charts":
      return figure(block.ids);
    case "bar-chart":
    case "graph":
      // Mermaid is for Markdown; the page draws its charts with Chart.js from the data.
      return "";
  }
}

/**
 * A table; each cell carries its column's name (`data-label`) so that on a narrow screen the
 * stylesheet can stack every row as label: value lines instead of scrolling sideways.
 */
export function table(name: string, columns: readonly Column[], rows: readonly Cell[][]): Markup {
  const labels = columns.map((c) => plainText(c.parts));
  const head = columns.map((c) =>
    c.numeric
      ? html`<th class="num">${htmlInline(c.parts)}</th>`
      : html`<th>${htmlInline(c.parts)}</th>`,
  );
  const body = rows.map((cells) => {
    let column = 0;
    const tds = cells.map((cell) => {
      const span = cell.span ?? 1;
      const numeric = span === 1 && columns[column]?.numeric === true;
      const label = labels[column] ?? "";
      column += span;
      if (span > 1) return html`<td colspan="${span}">${htmlInline(cell.parts)}</td>`;
      return numeric
        ? html`<td class="num" data-label="${label}">${htmlInline(cell.parts)}</td>`
        : html`<td data-label="${label}">${htmlInline(cell.parts)}</td>`;
    });
    return html`<tr>${tds}</tr>\n`;
  });
  return html`<table class="${name}">
<thead><tr>${head}</tr></thead>
<tbody>
${body}</tbody>
</table>\n`;
}
