import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { SERVER_SECRET_MIN_LENGTH } from "../security/server-secret";

/** The repository root: the nearest folder above this file holding pnpm-workspace.yaml. */
function findRepoRoot(start: string): string {
  let folder = start;
  while (!existsSync(resolve(folder, "pnpm-workspace.yaml"))) {
    const parent = dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
  return folder;
}

// Works from src/config (tsx, tests) and from the bundle in dist/ alike.
const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

const PortSchema = z.coerce.number().int().min(1).max(65_535);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: PortSchema.default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_POSTGRES_PORT: PortSchema.default(54_329),
  DATA_DIR: z.string().min(1).default(resolve(repoRoot, ".data")),
  WEB_DIST_DIR: z.string().min(1).default(resolve(repoRoot, "apps/web/dist")),
  // Mail: with SMTP_URL (smtp:// or smtps://user:pass@host:port) emails are sent; without it
  // they are written to the log (reference only, never the address) for development.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("PSU London and KSS <psu.lase@hee.nhs.uk>"),
  OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  // Months after a case is closed or withdrawn before its personal data is anonymised.
  RETENTION_MONTHS: z.coerce
    .number({ error: "must be a whole number of months" })
    .int({ error: "must be a whole number of months" })
    .min(1, { error: "must be at least 1 month" })
    .max(1200, { error: "must be at most 1200 months" })
    .default(72),
  // Keys every hash of something guessable (IP addresses, codes, tokens). Required with
  // DATABASE_URL, the same on every instance; the embedded default makes and keeps its own.
  SERVER_SECRET: z
    .string()
    .min(SERVER_SECRET_MIN_LENGTH, { error: `must be at least ${SERVER_SECRET_MIN_LENGTH} characters` })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

/** Where the app gets its database: a server it starts itself, or one it is given. */
export type DatabaseSource = { kind: "embedded"; dataDir: string; port: number } | { kind: "external"; url: string };

export interface Config {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  database: DatabaseSource;
  databasePoolMax: number;
  webDistDir: string;
  trustProxy: boolean;
  mail: { smtpUrl: string | undefined; from: string; pollMs: number };
  /** Months after closure before a case is anonymised (docs/data-protection.md). */
  retentionMonths: number;
  /** Where the server secret comes from (security/server-secret.ts). */
  serverSecret: { kind: "given"; value: string } | { kind: "kept"; file: string };
}

// Tests on a throwaway database need no secret of their own; never used outside NODE_ENV=test.
const TEST_SERVER_SECRET = "test-only-server-secret-not-for-any-real-database";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once, listing every problem at once; never echoes a value (it may be a secret). */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const value = result.data;
  if (value.DATABASE_URL && !value.SERVER_SECRET && value.NODE_ENV !== "test") {
    throw new ConfigError([
      "SERVER_SECRET: required with DATABASE_URL, the same on every instance (for example the output of `openssl rand -base64 48`)",
    ]);
  }
  return {
    env: value.NODE_ENV,
    host: value.HOST,
    port: value.PORT,
    logLevel: value.LOG_LEVEL,
    database: value.DATABASE_URL
      ? { kind: "external", url: value.DATABASE_URL }
      : { kind: "embedded", dataDir: resolve(value.DATA_DIR, "postgres"), port: value.EMBEDDED_POSTGRES_PORT },
    databasePoolMax: value.DATABASE_POOL_MAX,
    webDistDir: value.WEB_DIST_DIR,
    trustProxy: value.TRUST_PROXY,
    mail: { smtpUrl: value.SMTP_URL, from: value.MAIL_FROM, pollMs: value.OUTBOX_POLL_MS },
    retentionMonths: value.RETENTION_MONTHS,
    serverSecret: value.SERVER_SECRET
      ? { kind: "given", value: value.SERVER_SECRET }
      : value.DATABASE_URL
        ? { kind: "given", value: TEST_SERVER_SECRET }
        : { kind: "kept", file: resolve(value.DATA_DIR, "server-secret") },
  };
}
