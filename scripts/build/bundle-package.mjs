#!/usr/bin/env node
// Compiles one workspace package's TypeScript entry to a single JavaScript module for
// production (decision 021): `node ../../scripts/build/bundle-package.mjs src/server.ts dist/server.mjs`
// from the package's folder. The package's own files are bundled; every npm package and every
// other workspace package stays an import, resolved at run time from the package's folder, so
// each package keeps its one dependency list. Workspace packages are found through the
// "psu-compiled" export condition (`node --conditions=psu-compiled`), which points at their dist/.
import { build } from "esbuild";

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error("Usage: bundle-package.mjs <entry.ts> <outfile.mjs>");
  process.exit(2);
}

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20.19",
  // Stack traces in development tools point at the TypeScript; the app never logs them.
  sourcemap: "linked",
  logLevel: "warning",
});
