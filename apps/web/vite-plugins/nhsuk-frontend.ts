import { createReadStream, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Plugin } from "vite";

// nhsuk-frontend's stylesheets and templates expect its images at /assets/images/ and its web
// app manifest at /assets/manifest.json. We serve them from the package at exactly those paths:
// in dev through a middleware, in the build by copying them into dist/assets/. The production
// server serves apps/web/dist at /, so the same URLs work everywhere. These files are not
// content-hashed: a server must not mark /assets/images/ as immutable the way it may for the
// hashed files Vite writes directly under /assets/.
const require = createRequire(import.meta.url);
const NHSUK_ASSETS_DIR = path.join(path.dirname(require.resolve("nhsuk-frontend/package.json")), "dist/nhsuk/assets");
const PUBLIC_PREFIX = "/assets/";
const FILES = ["manifest.json", ...readdirSync(path.join(NHSUK_ASSETS_DIR, "images")).map((name) => `images/${name}`)];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/manifest+json",
};

/** Serves and emits nhsuk-frontend's images and manifest at /assets/. */
export function nhsukFrontendAssets(): Plugin {
  return {
    name: "psu:nhsuk-frontend-assets",
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const pathname = request.url?.split("?")[0] ?? "";
        const file = pathname.startsWith(PUBLIC_PREFIX) ? pathname.slice(PUBLIC_PREFIX.length) : "";
        // Only the known file list: no path from the request ever reaches the file system.
        if (!FILES.includes(file)) return next();
        response.setHeader("Content-Type", CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream");
        createReadStream(path.join(NHSUK_ASSETS_DIR, file)).pipe(response);
      });
    },
    generateBundle() {
      for (const file of FILES) {
        this.emitFile({
          type: "asset",
          fileName: `assets/${file}`,
          source: readFileSync(path.join(NHSUK_ASSETS_DIR, file)),
        });
      }
    },
  };
}

// nhsuk-frontend's details component carries an Internet Explorer 11 hack, `@media screen\0 { ... }`.
// It is not valid CSS, modern browsers ignore it, and Vite 8's Lightning CSS minifier stops the
// build on it. We remove exactly those blocks from our own stylesheets instead of switching the
// minifier to error recovery, which would also hide real mistakes in our CSS behind warnings.
const IE_MEDIA_HACK = "@media screen\\0";

/** Removes every `@media screen\0 { ... }` block (with its nested rules) from compiled CSS. */
export function stripIeMediaHack(css: string): string {
  let result = css;
  for (let start = result.indexOf(IE_MEDIA_HACK); start !== -1; start = result.indexOf(IE_MEDIA_HACK, start)) {
    const open = result.indexOf("{", start);
    if (open === -1) break;
    let depth = 0;
    let end = open;
    for (; end < result.length; end++) {
      if (result[end] === "{") depth++;
      else if (result[end] === "}" && --depth === 0) break;
    }
    result = result.slice(0, start) + result.slice(end + 1);
  }
  return result;
}

/** Applies stripIeMediaHack to stylesheets once Vite has compiled them from Sass. */
export function nhsukFrontendIeHack(): Plugin {
  return {
    name: "psu:strip-ie-media-hack",
    transform: {
      filter: { id: /\.(s?css)(\?.*)?$/ },
      handler(code) {
        if (!code.includes(IE_MEDIA_HACK)) return null;
        return { code: stripIeMediaHack(code), map: null };
      },
    },
  };
}
