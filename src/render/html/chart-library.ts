import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { scriptSafe } from "./markup.js";

let cached: string | null = null;

/**
 * Chart.js's UMD build (it defines `window.Chart`), ready to inline in a `<script>`: read from the
 * installed `chart.js` package, with its source-map comment removed (the map is not shipped in the
 * page, and a viewer's developer tools would try to load it). The package's `exports` do not
 * expose `dist/chart.umd.js`, so it is found beside the package's CommonJS entry (`dist/chart.cjs`).
 */
export function chartJsSource(): string {
  if (cached === null) {
    const entry = createRequire(import.meta.url).resolve("chart.js");
    const source = readFileSync(join(dirname(entry), "chart.umd.js"), "utf8");
    cached = scriptSafe(source.replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, "\n"));
  }
  return cached;
}
