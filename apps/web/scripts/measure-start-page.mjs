// Measures the JavaScript the start page needs, from the build's manifest (build.manifest in
// vite.config.ts): index.html's entry chunk and the start page's lazy chunk, with every chunk
// they import statically, each counted once and gzipped at level 9. Chunks the start page
// fetches later with import() (the services list, the crisis page preload) are listed apart:
// they do not hold up the page, but the browser still downloads them.
//
// Usage: pnpm --filter @psu/web build && node apps/web/scripts/measure-start-page.mjs [--budget 100]
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const ENTRY = "index.html";
const START_PAGE = "src/features/referral/pages/start-page.tsx";
const budgetIndex = process.argv.indexOf("--budget");
const BUDGET_KB = budgetIndex === -1 ? 100 : Number(process.argv[budgetIndex + 1]);

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

function gzippedBytes(file) {
  return gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;
}

function describe(keys) {
  return keys
    .map((key) => ({ key, file: chunk(key).file, bytes: gzippedBytes(chunk(key).file) }))
    .sort((a, b) => b.bytes - a.bytes);
}

const kb = (bytes) => (bytes / 1024).toFixed(2);
const critical = describe(collectStatic([ENTRY, START_PAGE]));
const criticalKeys = new Set(critical.map((row) => row.key));
const dynamicRoots = [ENTRY, START_PAGE].flatMap((key) => chunk(key).dynamicImports ?? []);
const later = describe(collectStatic(dynamicRoots).filter((key) => !criticalKeys.has(key) && key !== START_PAGE));

console.log("Start page JavaScript (static import graph of index.html + the start page), gzip -9:");
for (const row of critical) console.log(`  ${kb(row.bytes).padStart(8)} KB  ${row.file}`);
const total = critical.reduce((sum, row) => sum + row.bytes, 0);
console.log(`  ${kb(total).padStart(8)} KB  TOTAL (budget ${BUDGET_KB} KB)`);

const startPageLater = collectStatic(chunk(START_PAGE).dynamicImports ?? []).filter((key) => !criticalKeys.has(key));
const startPageLaterBytes = describe(startPageLater).reduce((sum, row) => sum + row.bytes, 0);
console.log(
  `\nLoaded by the start page after it renders (its own import() calls): ${kb(startPageLaterBytes)} KB;` +
    ` with them the start page downloads ${kb(total + startPageLaterBytes)} KB.`,
);
console.log(
  `Every chunk reachable by import() from the entry or the start page (not all are fetched): ${later.length}`,
);

const css = Object.values(manifest)
  .filter((entry) => entry.isEntry)
  .flatMap((entry) => entry.css ?? []);
for (const file of css) console.log(`CSS (not counted): ${kb(gzippedBytes(file))} KB  ${file}`);

if (total > BUDGET_KB * 1024) {
  console.log(`\nOver budget by ${kb(total - BUDGET_KB * 1024)} KB.`);
  process.exitCode = 1;
}
