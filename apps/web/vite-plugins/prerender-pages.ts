import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import react from "@vitejs/plugin-react";
import { build, type InlineConfig, type Plugin, type Rolldown } from "vite";

// Pages whose content does not depend on the visitor (start, crisis help, accessibility statement)
// are rendered to HTML at build, so a phone paints them as soon as the HTML and the stylesheet
// arrive instead of after the JavaScript; src/main.tsx then hydrates them. The server
// (apps/api/src/plugins/web-app.ts) sends `prerendered/<name>.html` for `/<name>` (index.html
// for `/`) and the empty index.html for every other page. See docs/decisions/020.

/** Where the server looks for prerendered pages, inside the build's folder. */
const PRERENDERED_DIR = "prerendered";
const ROOT_ELEMENT = '<div id="root"></div>';

const RENDER_ENTRY = "virtual:psu-prerender";
// react-dom/static's prerender() waits for every lazy page and Suspense boundary, unlike
// renderToString, which would write the "Loading" fallbacks.
const RENDER_ENTRY_SOURCE = `
import { createElement } from "react";
import { prerender } from "react-dom/static";
import { App } from "/src/app/providers.tsx";
export async function renderPage(location) {
  const { prelude } = await prerender(createElement(App, { location }));
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

/** `/` is index.html, `/get-help-now` is get-help-now.html. */
function toFileName(location: string): string {
  return location === "/" ? "index.html" : `${location.slice(1)}.html`;
}

/** Prerenders `locations` (single-segment paths, or `/`) into `prerendered/` in the build's folder. */
export function prerenderPages({ locations }: { locations: readonly string[] }): Plugin {
  let root = "";
  return {
    name: "psu:prerender-pages",
    apply: "build",
    configResolved(config) {
      root = config.root;
    },
    async writeBundle(outputOptions) {
      const distDir = outputOptions.dir;
      if (!distDir) return;
      const shell = await readFile(path.join(distDir, "index.html"), "utf8");
      if (!shell.includes(ROOT_ELEMENT)) throw new Error(`index.html has no empty ${ROOT_ELEMENT}`);
      const rendererDir = path.join(root, "node_modules/.prerender");
      const leaveAgainUrl = await writeLeaveAgainScript(root, distDir);
      try {
        const { renderPage } = await loadRenderer(root, rendererDir);
        await mkdir(path.join(distDir, PRERENDERED_DIR), { recursive: true });
        for (const location of locations) {
          const page = await renderPage(location);
          const html = shell
            .replace("<body>", () => `<body>\n    <script src="${leaveAgainUrl}"></script>`)
            .replace(ROOT_ELEMENT, () => `<div id="root">${page}</div>`);
          await writeFile(path.join(distDir, PRERENDERED_DIR, toFileName(location)), html);
        }
      } finally {
        await rm(rendererDir, { recursive: true, force: true });
      }
    },
  };
}
