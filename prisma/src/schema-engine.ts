import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";

// Prisma's own WASM build of the schema engine, driven from Node because the native engine
// cannot be downloaded here (see docs/decisions/002-offline-migrations.md).
export type { SchemaEngine };

/** Tables and enums the engine must leave alone: none, as in a prisma.config.ts without `tables.external`. */
export const NO_EXTERNAL_ENTITIES: SchemaFilter = { externalTables: [], externalEnums: [] };

const SHADOW_DATABASE_REFUSED = "Shadow databases are not used here: migrations are diffed from the schema snapshot.";

let engineClass: Promise<typeof SchemaEngine> | undefined;

// @types/node 20 leaves the WebAssembly global to TypeScript's DOM lib, which this package does not load.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
};

/**
 * The package's entry point imports its .wasm file as an ES module, which Node 20 cannot do, so
 * we instantiate it by hand as the prisma CLI does (packages/internals WasmSchemaEngineLoader).
 * wasm-bindgen keeps a single instance per glue module: load it once per process.
 */
function loadSchemaEngineClass(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const packageEntry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
    const bytes = await readFile(join(dirname(packageEntry), "schema_engine_bg.wasm"));
    const imports = { ...glue, ...trackedTimerImports(glue) };
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": imports });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== "function") throw new Error("@prisma/schema-engine-wasm: __wbindgen_start is missing");
    start();
    return glue.SchemaEngine;
  })();
  return engineClass;
}

/**
 * The engine races its advisory-lock query against a 10 s `setTimeout` it never clears (the
 * glue imports no clearTimeout), which would keep every process alive 10 s after migrating.
 * We note the timers it starts and clear the leftovers once no engine is open.
 */
const engineTimers = new Set<ReturnType<typeof setTimeout>>();
let openEngines = 0;

function trackedTimerImports(glue: object): Record<string, unknown> {
  const names = Object.keys(glue).filter((name) => name.startsWith("__wbg_setTimeout_"));
  const tracked = (callback: () => void, milliseconds: number) => {
    const timer = setTimeout(() => {
      engineTimers.delete(timer);
      callback();
    }, milliseconds >>> 0);
    engineTimers.add(timer);
    return timer;
  };
  return Object.fromEntries(names.map((name) => [name, tracked]));
}

function clearLeftoverTimers(): void {
  if (openEngines > 0) return;
  for (const timer of engineTimers) clearTimeout(timer);
  engineTimers.clear();
}

/**
 * Opens an engine on the given adapter, runs `use`, then frees the engine. The adapter factory
 * is wrapped by `bindMigrationAwareSqlAdapterFactory` as Prisma's CLI does; errors the engine
 * reports as `External error id#N` are swapped back for the JavaScript error they stand for.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const SchemaEngineClass = await loadSchemaEngineClass();
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  openEngines += 1;
  try {
    // `datamodels: undefined`: the engine learns the provider from the adapter, and applying
    // migrations must not depend on the current schema.prisma. Its log lines are start-up chatter;
    // failures come back as rejected promises.
    const engine = await SchemaEngineClass.new({ datamodels: undefined }, () => {}, bound);
    try {
      return await use(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    throw explainEngineError(error, bound.errorRegistry);
  } finally {
    openEngines -= 1;
    clearLeftoverTimers();
  }
}

interface ErrorRegistry {
  consumeError(id: number): { error: unknown } | undefined;
}

function explainEngineError(error: unknown, registry: ErrorRegistry): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const match = /External error id#(\d+)/.exec(message);
  if (!match) return error;
  return registry.consumeError(Number(match[1]))?.error ?? error;
}

/**
 * An adapter that answers the engine's start-up probe (schema exists, server version) and
 * refuses everything else, so diffing two schemas provably needs no database. It claims
 * PostgreSQL 18, the version the embedded server runs.
 */
export function createOfflinePostgresAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (what: string) => () =>
    Promise.reject(new Error(`The offline schema engine has no database; it was asked to ${what}.`));
  const adapter: SqlDriverAdapter = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
      if (query.sql.includes("server_version_num")) {
        return {
          columnNames: ["exists", "version", "numeric_version"],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, "PostgreSQL 18.4 (offline)", 180004]],
        };
      }
      return refuse(`run a query (${query.sql.slice(0, 80)})`)();
    },
    executeRaw: refuse("execute SQL"),
    executeScript: refuse("execute a script"),
    startTransaction: refuse("start a transaction"),
    dispose: () => Promise.resolve(),
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => Promise.resolve(adapter),
    connectToShadowDb: () => Promise.reject(new Error(SHADOW_DATABASE_REFUSED)),
  };
}

/**
 * adapter-pg's `executeScript` splits a script on ";" and sends the pieces one by one, which
 * breaks dollar-quoted function bodies and leaves a half-applied migration when a statement
 * fails. Prisma's native engine sends the script whole (PostgreSQL runs a multi-statement
 * simple query in one implicit transaction); `executeRaw` with no parameters does exactly that.
 */
export function sendScriptsWhole(factory: {
  provider: "postgres";
  adapterName: string;
  connect(): Promise<SqlDriverAdapter>;
}): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      adapter.executeScript = async (script: string) => {
        await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
      };
      return adapter;
    },
    connectToShadowDb: () => Promise.reject(new Error(SHADOW_DATABASE_REFUSED)),
  };
}
