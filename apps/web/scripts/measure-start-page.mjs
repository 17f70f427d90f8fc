// Measures what a phone downloads for the start page, as bytes on the wire: for each file, the
// brotli copy the build made (vite-plugins/precompress.ts), which the server sends to every
// browser that accepts it, or the file itself when there is none (small files). Counted: the
// prerendered page (pages/index.html), what its HTML asks for (the stylesheet, the
// leave-again script, the entry script and its modulepreloads), and the start page's lazy chunk
// with every chunk it imports statically, which hydration waits for. Chunks the start page
// fetches later with import() (the services list, the footer's policy links, the crisis page
// preload) are listed apart: they do not hold up the page, but the phone still downloads them.
// pnpm bench:web measures the same with Lighthouse on the running app, headers included.
//
// Usage: pnpm --filter @psu/web build && node apps/web/scripts/measure-start-page.mjs [--budget 110] [--dist folder]
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: {
    budget: { type: "string", default: "110" },
    dist: { type: "string", default: path.join(path.dirname(fileURLToPath(import.meta.url)), "../dist") },
  },
});
const DIST = options.dist;
const BUDGET_KB = Number(options.budget);
const PAGE = "pages/index.html";
const START_PAGE = "src/features/referral/pages/start-page.tsx";

const manifest = JSON.parse(readFileSync(path.join(DIST, ".vite/manifest.json"), "utf8"));

function chunk(key) {
  const found = manifest[key];
  if (!found) throw new Error(`${key} is not in the build manifest: has it been renamed?`);
  return found;
}

/** Every chunk key reachable from `keys` through static imports, in visiting order. */
function collectStatic(keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk(key).imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...seen];
}

/** What the server sends for `file` to a browser that accepts brotli. */
function bytesOnTheWire(file) {
  const compressed = path.join(DIST, `${file}.br`);
  return statSync(existsSync(compressed) ? compressed : path.join(DIST, file)).size;
}

function describe(files) {
  return [...new Set(files)].map((file) => ({ file, bytes: bytesOnTheWire(file) })).sort((a, b) => b.bytes - a.bytes);
}

const sum = (rows) => rows.reduce((total, row) => total + row.bytes, 0);
const kb = (bytes) => (bytes / 1024).toFixed(2);
const print = (rows) => {
  for (const row of rows) console.log(`  ${kb(row.bytes).padStart(8)} KB  ${row.file}`);
};

// What the page's HTML links to: stylesheet, scripts, modulepreloads (not icons or the manifest).
const html = readFileSync(path.join(DIST, PAGE), "utf8");
const linked = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*\shref)="\/([^"]+)"/g),
].map((match) => match[1]);
const startPageKeys = collectStatic([START_PAGE]);
const critical = describe([PAGE, ...linked, ...startPageKeys.map((key) => chunk(key).file)]);
const total = sum(critical);

console.log("Start page, bytes on the wire (brotli where the build made a copy):");
print(critical);
console.log(`  ${kb(total).padStart(8)} KB  TOTAL before the page is interactive (budget ${BUDGET_KB} KB)`);

const criticalFiles = new Set(critical.map((row) => row.file));
const later = describe(
  collectStatic(chunk(START_PAGE).dynamicImports ?? [])
    .map((key) => chunk(key).file)
    .filter((file) => !criticalFiles.has(file)),
);
console.log(
  `\nLoaded by the start page after it is on screen (its own import() calls): ${kb(sum(later))} KB;` +
    ` with them the start page downloads ${kb(total + sum(later))} KB.`,
);

if (total > BUDGET_KB * 1024) {
  console.log(`\nOver budget by ${kb(total - BUDGET_KB * 1024)} KB.`);
  process.exitCode = 1;
}
