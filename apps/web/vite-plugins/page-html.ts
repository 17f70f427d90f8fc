import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import react from "@vitejs/plugin-react";
import { build, type InlineConfig, type Plugin, type Rolldown } from "vite";

// The pages people most often open first get HTML of their own, written at build beside the
// index.html every other page gets. Pages whose first render is the same for every visitor (the
// start page, crisis help, the wizard's first question) are prerendered: a phone paints them as
// soon as the HTML and the stylesheet arrive, and src/main.tsx then hydrates them. A page that
// cannot be (the staff queue needs a session) instead names, as <link rel="modulepreload">, the
// chunks its first render loads lazily, so the browser fetches them alongside the entry script
// instead of after it has run (and the API answers it asks for first: decision 030). Not both:
// on a prerendered page the preloads would share the connection with the stylesheet, and its
// first paint came 0.4 s later. The server (apps/api/src/plugins/web-app.ts) sends
// `pages/<path>.html` for `/<path>` (pages/index.html for `/`). See docs/decisions/020 and 024.

/** Where the server looks for the pages' HTML, inside the build's folder. */
const PAGES_DIR = "pages";
const ROOT_ELEMENT = '<div id="root"></div>';

export type PageHtml =
  /**
   * Rendered at build. Only for a page whose first render depends on nothing in the browser
   * (storage, the signed-in member of staff, fetched data), or hydration would not match.
   */
  | { path: string; prerender: true }
  /**
   * Drawn in the browser, with the lazily loaded modules its first render waits for preloaded
   * (`src/...`), and the API answers it asks for first (GET paths, `fetchPreload`): those start
   * with the HTML instead of after the scripts have run, and the app's fetch() takes them over.
   */
  | { path: string; preload: readonly string[]; fetchPreload?: readonly string[] };

const RENDER_ENTRY = "virtual:psu-prerender";
// react-dom/static's prerender() waits for every lazy page and Suspense boundary, unlike
// renderToString, which would write the "Loading" fallbacks. An error while rendering fails the
// build: React would otherwise write the page's fallback and leave it to the browser, silently.
const RENDER_ENTRY_SOURCE = `
import { createElement } from "react";
import { prerender } from "react-dom/static";
import { App } from "/src/app/providers.tsx";
export async function renderPage(location) {
  const errors = [];
  const { prelude } = await prerender(createElement(App, { location }), { onError: (error) => void errors.push(error) });
  if (errors.length > 0) throw new Error(\`Could not prerender \${location}\`, { cause: errors[0] });
  return new Response(prelude).text();
}`;

// After "Exit this page", Back can reach a prerendered page, whose HTML would be on screen before
// the app's deferred module runs (and leaves again, src/main.tsx). This classic script, the same
// leaveAgainIfExited() built on its own, sits first in <body> and blocks rendering until it has run.
const LEAVE_AGAIN_ENTRY = "virtual:psu-leave-again";
const LEAVE_AGAIN_SOURCE = `import { leaveAgainIfExited } from "/src/lib/quick-exit.ts"; leaveAgainIfExited();`;

type RenderModule = { renderPage: (location: string) => Promise<string> };

function virtualModule(id: string, source: string): Plugin {
  const resolvedId = `\0${id}`;
  return {
    name: `psu:${id}`,
    resolveId: (requested) => (requested === id ? resolvedId : null),
    load: (loaded) => (loaded === resolvedId ? source : null),
  };
}

function nestedBuild(root: string, entry: string, source: string, config: InlineConfig): Promise<unknown> {
  return build({
    ...config,
    configFile: false,
    root,
    publicDir: false,
    logLevel: "warn",
    plugins: [react(), virtualModule(entry, source)],
  });
}

/** The app's renderer, built for Node into a folder inside the package (so it finds its dependencies). */
async function loadRenderer(root: string, outDir: string): Promise<RenderModule> {
  await nestedBuild(root, RENDER_ENTRY, RENDER_ENTRY_SOURCE, {
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: RENDER_ENTRY, output: { entryFileNames: "render.js" } },
    },
  });
  return import(pathToFileURL(path.join(outDir, "render.js")).href);
}

/** Builds the leave-again script and writes it under assets/ with a content hash; returns its URL. */
async function writeLeaveAgainScript(root: string, distDir: string): Promise<string> {
  const built = (await nestedBuild(root, LEAVE_AGAIN_ENTRY, LEAVE_AGAIN_SOURCE, {
    build: {
      write: false,
      minify: true,
      rolldownOptions: { input: LEAVE_AGAIN_ENTRY, output: { format: "iife" } },
    },
  })) as Rolldown.RolldownOutput;
  const code = built.output[0].code;
  if (!code) throw new Error("The leave-again script was not built");
  const hash = createHash("sha256").update(code).digest("base64url").slice(0, 8);
  const fileName = `assets/leave-again-${hash}.js`;
  await writeFile(path.join(distDir, fileName), code);
  return `/${fileName}`;
}

/** `/` is index.html, `/refer/urgent-help` is refer/urgent-help.html. */
function toFileName(pagePath: string): string {
  return pagePath === "/" ? "index.html" : `${pagePath.slice(1)}.html`;
}

type Manifest = Record<string, { file: string; imports?: string[]; css?: string[] }>;

/** The chunks `modules` need (their static imports too), as <link>s for what `shell` does not link to already. */
function listPreloadLinks(manifest: Manifest, modules: readonly string[], shell: string): string[] {
  const seen = new Set<string>();
  const links: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest: has it been renamed?`);
    const add = (file: string, rel: string) => {
      if (!shell.includes(`"/${file}"`)) links.push(`<link rel="${rel}" crossorigin href="/${file}">`);
    };
    add(chunk.file, "modulepreload");
    // The page's own styles, which its code would otherwise add once it has loaded.
    for (const file of chunk.css ?? []) add(file, "stylesheet");
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const module of modules) visit(module);
  return links;
}

/** index.html with the page's content, and the leave-again script first in <body>. */
function withContent(shell: string, content: string, leaveAgainUrl: string): string {
  return shell
    .replace("<body>", () => `<body>\n    <script src="${leaveAgainUrl}"></script>`)
    .replace(ROOT_ELEMENT, () => `<div id="root">${content}</div>`);
}

/**
 * A preload the app's own fetch() of `apiPath` reuses: `as="fetch"` with `crossorigin` (CORS mode,
 * cookies sent to the same origin) is what fetch() asks for by default.
 */
function toFetchPreloadLink(apiPath: string): string {
  if (!apiPath.startsWith("/api/")) throw new Error(`fetchPreload takes API paths: ${apiPath}`);
  return `<link rel="preload" as="fetch" crossorigin href="${apiPath}">`;
}

/** index.html with `links` at the end of <head>. */
function withPreloads(shell: string, links: readonly string[]): string {
  return shell.replace("</head>", () => `  ${links.join("\n    ")}\n  </head>`);
}

/** Writes each page's HTML into `pages/` in the build's folder: prerendered, or preloading what it loads. */
export function pageHtml({ pages }: { pages: readonly PageHtml[] }): Plugin {
  let root = "";
  return {
    name: "psu:page-html",
    apply: "build",
    configResolved(config) {
      root = config.root;
    },
    async writeBundle(outputOptions) {
      const distDir = outputOptions.dir;
      if (!distDir) return;
      const shell = await readFile(path.join(distDir, "index.html"), "utf8");
      if (!shell.includes(ROOT_ELEMENT)) throw new Error(`index.html has no empty ${ROOT_ELEMENT}`);
      const manifest: Manifest = JSON.parse(await readFile(path.join(distDir, ".vite/manifest.json"), "utf8"));
      const rendererDir = path.join(root, "node_modules/.prerender");
      const leaveAgainUrl = await writeLeaveAgainScript(root, distDir);
      try {
        const { renderPage } = await loadRenderer(root, rendererDir);
        for (const page of pages) {
          const html =
            "prerender" in page
              ? withContent(shell, await renderPage(page.path), leaveAgainUrl)
              : withPreloads(shell, [
                  ...(page.fetchPreload ?? []).map(toFetchPreloadLink),
                  ...listPreloadLinks(manifest, page.preload, shell),
                ]);
          const file = path.join(distDir, PAGES_DIR, toFileName(page.path));
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, html);
        }
      } finally {
        await rm(rendererDir, { recursive: true, force: true });
      }
    },
  };
}
