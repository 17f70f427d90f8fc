import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

// A phone on a poor connection waits for every byte, so the server sends text files compressed.
// Compressing once at build, at the strongest settings, costs the server nothing per request:
// @fastify/static's `preCompressed` (apps/api/src/plugins/web-app.ts) sends `x.br` or `x.gz`
// beside `x` to a browser that accepts them, and `x` itself to one that does not.
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".svg", ".json", ".ico", ".txt", ".xml"]);
// Below this a response fits in one network packet anyway; compressing it gains no time.
const MIN_BYTES = 1024;
// Not served (apps/api/src/plugins/web-app.ts): Vite's build manifest.
const NOT_SERVED = ".vite";

const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

const ENCODINGS = [
  {
    extension: ".br",
    compress: (source: Buffer) =>
      compressBrotli(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      }),
  },
  { extension: ".gz", compress: (source: Buffer) => compressGzip(source, { level: constants.Z_BEST_COMPRESSION }) },
];

/** Every file under `folder` the server may send compressed, as absolute paths. */
export async function findCompressibleFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(folder, file).startsWith(NOT_SERVED));
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return files.filter((_, index) => (sizes[index] ?? 0) >= MIN_BYTES);
}

/** Writes `file.br` and `file.gz` beside `file`, each only when it is smaller than the file. */
export async function precompressFile(file: string): Promise<void> {
  const source = await readFile(file);
  await Promise.all(
    ENCODINGS.map(async ({ extension, compress }) => {
      const compressed = await compress(source);
      if (compressed.length < source.length) await writeFile(file + extension, compressed);
    }),
  );
}

/** Once the build is written (prerendered pages included), compresses its text files with brotli and gzip. */
export function precompressAssets(): Plugin {
  return {
    name: "psu:precompress",
    apply: "build",
    writeBundle: {
      // After every other plugin has written its files (prerender-pages.ts writes HTML here too).
      order: "post",
      async handler(outputOptions) {
        if (!outputOptions.dir) return;
        const files = await findCompressibleFiles(outputOptions.dir);
        await Promise.all(files.map(precompressFile));
      },
    },
  };
}
