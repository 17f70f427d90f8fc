import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, gzip, constants as zlibConstants } from "node:zlib";

// The interactive API reference at /api/docs (decision 028): Swagger UI from the swagger-ui-dist
// package, served by this app under the app's own Content Security Policy. So the page has no
// inline script or style: it loads files from /api/docs/assets/, and Swagger UI runs without the
// standalone preset, whose top bar draws its logo with an inline <style>.

/** Where the page's files are served, under the /api/docs prefix. */
export const ASSETS_PATH = "/assets";
const OPENAPI_URL = "/api/docs/openapi.json";

// Starts Swagger UI on the page. No validatorUrl: Swagger UI would otherwise send the document
// to a public validator and show its badge. The URL of the document is fixed here: Swagger UI
// reads no configuration from the address (queryConfigEnabled is off by default). No deep
// linking: it puts a link inside each operation's button (axe: nested-interactive, target-size).
// The plugin puts the title in a banner landmark (Swagger UI wraps it in a <section>, where a
// plain <header> is no landmark) and an h2 before the endpoints' h3s (axe:
// region, heading-order).
const INITIALIZER = `"use strict";
function AccessiblePage(system) {
  var h = system.React.createElement;
  return {
    wrapComponents: {
      InfoContainer: function (Original) {
        return function (props) { return h("header", { role: "banner" }, h(Original, props)); };
      },
      operations: function (Original) {
        return function (props) {
          return h(system.React.Fragment, null, h("h2", { className: "api-docs-endpoints" }, "Endpoints"), h(Original, props));
        };
      },
    },
  };
}
window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(OPENAPI_URL)},
  dom_id: "#swagger-ui",
  deepLinking: false,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  plugins: [AccessiblePage],
  layout: "BaseLayout",
});
`;

// The page's own layout (swagger-ui-dist's index.css, which the page cannot take inline), and
// darker colours where Swagger UI's fall short of WCAG's 4.5:1 contrast (axe: color-contrast).
// Code samples are shown whole, their lines wrapped: a scrolling box of them cannot be reached by
// keyboard (axe: scrollable-region-focusable). Swagger UI's highlighter sets overflow-x and
// white-space in style properties (through the CSSOM, which the CSP allows), hence !important.
const PAGE_CSS = `html { box-sizing: border-box; overflow-y: scroll; }
*, *::before, *::after { box-sizing: inherit; }
body { margin: 0; background: #fafafa; }
.swagger-ui .api-docs-endpoints { margin: 24px 0 8px; font-family: sans-serif; font-size: 24px; color: #3b4151; }
.swagger-ui .info .title small { background: #555b66; }
.swagger-ui .info .title small.version-stamp { background: #3d6b00; }
.swagger-ui .info a, .swagger-ui .info .url { color: #1d5fa8; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #0b5cad; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #157347; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #9a4d00; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b3261e; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #006b61; }
.swagger-ui .opblock.opblock-head .opblock-summary-method { background: #6b0fbf; }
.swagger-ui .btn.cancel { color: #b3261e; border-color: #b3261e; }
.swagger-ui .btn.execute { background-color: #0b5cad; border-color: #0b5cad; }
.swagger-ui .download-contents { background: #555b66; }
.swagger-ui .highlight-code > .microlight, .swagger-ui .responses-inner .curl { max-height: none; }
.swagger-ui pre.microlight { overflow: visible !important; }
.swagger-ui pre.microlight code { white-space: pre-wrap !important; overflow-wrap: anywhere; }
`;

export interface DocsAsset {
  /** The file's name, carrying a hash of its content, so it can be cached for good. */
  name: string;
  contentType: string;
  body: Buffer;
}

export interface DocsPage {
  html: string;
  /** The page's files by name. */
  assets: ReadonlyMap<string, DocsAsset>;
}

const CONTENT_TYPES = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  png: "image/png",
} as const;

function toAsset(base: string, extension: keyof typeof CONTENT_TYPES, body: Buffer): DocsAsset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  return { name: `${base}.${hash}.${extension}`, contentType: CONTENT_TYPES[extension], body };
}

let page: DocsPage | undefined;

/**
 * The page and its files, read on first use (most processes never need them). swagger-ui-dist
 * is found through node's resolution from this module, so it works from the TypeScript source
 * and from the compiled bundle alike (both resolve from apps/api).
 */
export function getDocsPage(): DocsPage {
  if (page) return page;
  const require = createRequire(import.meta.url);
  const distDir = dirname(require.resolve("swagger-ui-dist/package.json"));
  const readDist = (file: string) => readFileSync(join(distDir, file));
  const swaggerCss = toAsset("swagger-ui", "css", readDist("swagger-ui.css"));
  const pageCss = toAsset("api-docs", "css", Buffer.from(PAGE_CSS));
  const swaggerJs = toAsset("swagger-ui-bundle", "js", readDist("swagger-ui-bundle.js"));
  const initializer = toAsset("api-docs", "js", Buffer.from(INITIALIZER));
  const icon = toAsset("favicon-32x32", "png", readDist("favicon-32x32.png"));
  const assets = new Map([swaggerCss, pageCss, swaggerJs, initializer, icon].map((asset) => [asset.name, asset]));
  const url = (name: string) => `/api/docs${ASSETS_PATH}/${name}`;
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>API reference – PSU referrals API</title>
    <link rel="icon" type="image/png" href="${url(icon.name)}" sizes="32x32">
    <link rel="stylesheet" href="${url(swaggerCss.name)}">
    <link rel="stylesheet" href="${url(pageCss.name)}">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${url(swaggerJs.name)}"></script>
    <script src="${url(initializer.name)}"></script>
  </body>
</html>
`;
  page = { html, assets };
  return page;
}

export type ContentEncoding = "br" | "gzip";

const compressedCache = new Map<string, Promise<Buffer>>();
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * An asset compressed as asked, made once per process off the event loop and kept: the web app's
 * files are compressed at build (apps/web/vite-plugins/precompress.ts), these come from a package.
 * Brotli at quality 9: within 10% of the best, in a quarter of a second rather than four.
 */
export function compressAsset(asset: DocsAsset, encoding: ContentEncoding): Promise<Buffer> {
  const key = `${encoding}:${asset.name}`;
  let compressed = compressedCache.get(key);
  if (!compressed) {
    compressed =
      encoding === "br"
        ? brotli(asset.body, {
            params: {
              [zlibConstants.BROTLI_PARAM_QUALITY]: 9,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: asset.body.length,
            },
          })
        : gzipAsync(asset.body, { level: 9 });
    // A failure is not kept: the next request tries again.
    compressed.catch(() => compressedCache.delete(key));
    compressedCache.set(key, compressed);
  }
  return compressed;
}

/** Each value of a header like Accept or Accept-Encoding, lower case, with its quality (q). */
function parseQualities(header: string | undefined): Map<string, number> {
  const qualities = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [value = "", ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (!value) continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const quality = q ? Number(q.slice(2)) : 1;
    if (Number.isFinite(quality)) qualities.set(value, Math.max(qualities.get(value) ?? 0, quality));
  }
  return qualities;
}

/**
 * True when the Accept header asks for text/html above JSON: a browser opening the address. Any
 * other client (application/json, *\/*, no Accept) gets the document as JSON, as it always has.
 * JSON's quality is that of the most specific range that covers it, as RFC 9110 says.
 */
export function prefersHtml(accept: string | undefined): boolean {
  const qualities = parseQualities(accept);
  const html = qualities.get("text/html") ?? 0;
  const json = qualities.get("application/json") ?? qualities.get("application/*") ?? qualities.get("*/*") ?? 0;
  return html > 0 && html > json;
}

/** The best encoding the Accept-Encoding header allows: brotli, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | undefined {
  const qualities = parseQualities(acceptEncoding);
  const quality = (encoding: string) => qualities.get(encoding) ?? qualities.get("*") ?? 0;
  if (quality("br") > 0) return "br";
  if (quality("gzip") > 0) return "gzip";
  return undefined;
}
