import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { useTestApp } from "../test/build-test-app";

// The real app serving a web build laid out as apps/web's build writes it: hashed assets and
// pages, each with the brotli and gzip copies made at build, and pages with HTML of their own.

const distDir = mkdtempSync(join(tmpdir(), "psu-web-dist-"));
const files = {
  shell: { path: "index.html", text: `<!doctype html><div id="root"></div>${" ".repeat(2000)}` },
  script: { path: "assets/index-AbCd1234.js", text: `console.log("the app");\n`.repeat(200) },
  image: {
    path: "assets/images/favicon.svg",
    text: `<svg xmlns="http://www.w3.org/2000/svg">${"<g/>".repeat(400)}</svg>`,
  },
  startPage: { path: "pages/index.html", text: `<!doctype html><h1>Get support</h1>${" ".repeat(2000)}` },
  crisisPage: { path: "pages/get-help-now.html", text: `<!doctype html><h1>Get help now</h1>${" ".repeat(2000)}` },
  firstQuestion: {
    path: "pages/refer/urgent-help.html",
    text: `<!doctype html><h1>Do you need urgent help right now?</h1>${" ".repeat(2000)}`,
  },
  manifest: { path: ".vite/manifest.json", text: "{}" },
};
for (const { path, text } of Object.values(files)) {
  const file = join(distDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  writeFileSync(`${file}.br`, brotliCompressSync(text));
  writeFileSync(`${file}.gz`, gzipSync(text));
}

const test = useTestApp({ env: { WEB_DIST_DIR: distDir } });
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

const ENCODINGS = [
  { acceptEncoding: "gzip, deflate, br, zstd", contentEncoding: "br", decode: brotliDecompressSync },
  { acceptEncoding: "gzip, deflate", contentEncoding: "gzip", decode: gunzipSync },
  { acceptEncoding: "identity", contentEncoding: undefined, decode: (body: Buffer) => body },
  { acceptEncoding: undefined, contentEncoding: undefined, decode: (body: Buffer) => body },
] as const;

async function get(url: string, acceptEncoding: string | undefined) {
  return test.app.inject({
    method: "GET",
    url,
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });
}

describe.each(ENCODINGS)(
  "asked with Accept-Encoding $acceptEncoding",
  ({ acceptEncoding, contentEncoding, decode }) => {
    it(`sends a hashed script as ${contentEncoding ?? "it is"}, cached for good`, async () => {
      const response = await get(`/${files.script.path}`, acceptEncoding);

      expect(response.statusCode).toBe(200);
      expect(response.headers["content-encoding"]).toBe(contentEncoding);
      expect(response.headers.vary).toContain("accept-encoding");
      expect(response.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
      expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(decode(response.rawPayload).toString()).toBe(files.script.text);
    });

    it(`sends a file without a hash as ${contentEncoding ?? "it is"}, checked again each time`, async () => {
      const response = await get(`/${files.image.path}`, acceptEncoding);

      expect(response.headers["content-encoding"]).toBe(contentEncoding);
      expect(response.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
      expect(decode(response.rawPayload).toString()).toBe(files.image.text);
    });

    it.each([
      { url: "/", page: files.startPage },
      { url: "/get-help-now?from=header", page: files.crisisPage },
      { url: "/refer/urgent-help", page: files.firstQuestion },
      { url: "/refer/who-is-referring", page: files.shell },
      { url: "/accessibility-statement", page: files.shell },
    ])("answers $url with $page.path", async ({ url, page }) => {
      const response = await get(url, acceptEncoding);

      expect(response.statusCode).toBe(200);
      expect(response.headers["content-encoding"]).toBe(contentEncoding);
      expect(response.headers.vary).toContain("accept-encoding");
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
      expect(decode(response.rawPayload).toString()).toBe(page.text);
    });
  },
);

it.each(["/.vite/manifest.json", "/pages/get-help-now.html", "/pages/refer/urgent-help.html"])(
  "does not serve %s by its name",
  async (url) => {
    const response = await get(url, "br");

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  },
);
