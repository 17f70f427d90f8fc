import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { EMAIL_KINDS, type EmailKind } from "../modules/outbox/email-templates";
import { SERVER_SECRET_MIN_LENGTH, type ServerSecretSource } from "../security/server-secret";

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

const METRICS_TOKEN_MIN_LENGTH = 32;

const PortSchema = z.coerce.number().int().min(1).max(65_535);

/**
 * Which proxies in front of the app are believed when they say, in X-Forwarded-For, whom a
 * request came from: none; the nearest `count` (each adds the address it saw, on the right);
 * or only those at the given addresses or CIDR ranges.
 */
export type TrustProxy =
  | { kind: "none" }
  | { kind: "hops"; count: number }
  | { kind: "addresses"; addresses: string[] };

const MAX_PROXY_HOPS = 10;
// proxy-addr's (Fastify's) names for the private ranges, handy for a proxy on the same host or network.
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const TRUST_PROXY_HELP =
  "give the number of proxies in front of the app (for example 1) or a comma-separated list of their addresses " +
  "or CIDR ranges (for example 10.0.0.0/8)";

function parseTrustProxy(value: string, context: z.RefinementCtx): TrustProxy {
  if (value === "false" || value === "0" || value === "") return { kind: "none" };
  if (value === "true") {
    context.addIssue({
      code: "custom",
      message: `must not be "true": that believes any client's X-Forwarded-For, which forges addresses and dodges every per-address limit; ${TRUST_PROXY_HELP}`,
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    if (count <= MAX_PROXY_HOPS) return { kind: "hops", count };
    context.addIssue({ code: "custom", message: `must be at most ${MAX_PROXY_HOPS} proxies` });
    return z.NEVER;
  }
  const addresses = value.split(",").map((entry) => entry.trim());
  if (addresses.every(isAddressOrRange)) return { kind: "addresses", addresses };
  context.addIssue({ code: "custom", message: `must be "false", a number of proxies, or a list: ${TRUST_PROXY_HELP}` });
  return z.NEVER;
}
const OptionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: PortSchema.default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // The role that owns the tables and applies migrations at start, when DATABASE_URL's role is
  // only allowed to use them (docs/operations.md, "Database roles").
  DATABASE_MIGRATION_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // Server processes on this machine sharing the port (node:cluster): "auto" is one per CPU
  // core. Each has its own pool of DATABASE_POOL_MAX connections (docs/operations.md, "Workers").
  WORKERS: z
    .string()
    .default("1")
    .transform((value, context) => {
      if (value === "auto") return availableParallelism();
      const count = Number(value);
      if (Number.isInteger(count) && count >= 1 && count <= 64) return count;
      context.addIssue({ code: "custom", message: 'must be a whole number from 1 to 64, or "auto"' });
      return z.NEVER;
    }),
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
  // Where staff reach the service, for the one-time links emailed to them (invitations and
  // password resets): never taken from a request's Host header, which a client can forge.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, like https://psu.example.nhs.uk" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
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
  // Which proxies' X-Forwarded-For to believe: "false", a hop count, or their addresses.
  TRUST_PROXY: z.string().trim().default("false").transform(parseTrustProxy),
  // Single sign-on over OpenID Connect (docs/operations.md, decision 014): all four or none.
  OIDC_ISSUER_URL: OptionalText,
  OIDC_CLIENT_ID: OptionalText,
  OIDC_CLIENT_SECRET: OptionalText,
  OIDC_REDIRECT_URL: OptionalText,
  OIDC_BUTTON_LABEL: z
    .string()
    .trim()
    .min(1)
    .max(80, { error: "must be at most 80 characters" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Bearer token for GET /metrics (Prometheus); without it the route does not exist.
  METRICS_TOKEN: z
    .string()
    .min(METRICS_TOKEN_MIN_LENGTH, {
      error: `must be at least ${METRICS_TOKEN_MIN_LENGTH} characters (for example the output of \`openssl rand -hex 32\`)`,
    })
    .regex(/^[\x21-\x7e]+$/, { error: "must be printable ASCII with no spaces (it is sent in a header)" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // "false" switches email-and-password sign-in off; allowed only with single sign-on configured.
  PASSWORD_SIGN_IN: z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .default("true")
    .transform((value) => value === "true"),
});

/** Where the app gets its database: a server it starts itself, or one it is given. */
export type DatabaseSource =
  | { kind: "embedded"; dataDir: string; port: number }
  /** With `migration`, migrations run as the owner (its `url`), who then grants `url`'s role, `runtimeRole`, what the app needs. */
  | { kind: "external"; url: string; migration?: { url: string; runtimeRole: string } };

export interface Config {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  database: DatabaseSource;
  databasePoolMax: number;
  /** Server processes sharing the port (1: this process serves on its own). */
  workers: number;
  webDistDir: string;
  /** Which proxies' X-Forwarded-For headers to believe (security/trust-proxy.ts). */
  trustProxy: TrustProxy;
  /** How email goes out: GOV.UK Notify (`notify`), else SMTP (`smtpUrl`), else the log. */
  mail: { smtpUrl: string | undefined; notify: NotifyConfig | null; from: string; pollMs: number };
  /** Where staff reach the service (no trailing slash), for links in emails. */
  publicUrl: string;
  /** Months after closure before a case is anonymised (docs/data-protection.md). */
  retentionMonths: number;
  /** Where the server secret comes from (security/server-secret.ts). */
  serverSecret: ServerSecretSource;
  /** Single sign-on over OpenID Connect, when configured (modules/sso). */
  sso: SsoConfig | null;
  /** Whether staff may sign in with email and password (always, unless SSO is configured and this is switched off). */
  passwordSignIn: boolean;
  /** The bearer token GET /metrics asks for; null: no /metrics route (modules/metrics). */
  metricsToken: string | null;
}

export interface SsoConfig {
  /** The provider's issuer, e.g. `https://login.microsoftonline.com/<tenant id>/v2.0` for Microsoft Entra ID. */
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  /** This app's callback as registered with the provider: `https://<host>/api/auth/sso/callback`. */
  redirectUrl: string;
  buttonLabel: string;
}

const SSO_VARIABLES = ["OIDC_ISSUER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URL"] as const;
const DEFAULT_SSO_BUTTON_LABEL = "Sign in with your organisation account";
// Entra's multi-tenant endpoints accept accounts from any organisation: only a tenant's own issuer will do.
const ENTRA_SHARED_TENANTS = new Set(["common", "organizations", "consumers"]);

/** Single sign-on settings: all four or none, https (http only on this machine), one Entra tenant. */
function parseSingleSignOn(value: z.infer<typeof EnvSchema>): { sso: SsoConfig | null; passwordSignIn: boolean } {
  const missing = SSO_VARIABLES.filter((name) => value[name] === undefined);
  if (missing.length === SSO_VARIABLES.length) {
    if (!value.PASSWORD_SIGN_IN)
      throw new ConfigError([
        "PASSWORD_SIGN_IN: may be false only when single sign-on is configured (OIDC_ISSUER_URL and the rest), or nobody could sign in",
      ]);
    return { sso: null, passwordSignIn: true };
  }
  const problems = missing.map(
    (name) => `${name}: required for single sign-on (set all of ${SSO_VARIABLES.join(", ")}, or none)`,
  );
  problems.push(
    ...checkSsoUrl("OIDC_ISSUER_URL", value.OIDC_ISSUER_URL),
    ...checkSsoUrl("OIDC_REDIRECT_URL", value.OIDC_REDIRECT_URL),
  );
  if (value.OIDC_ISSUER_URL && URL.canParse(value.OIDC_ISSUER_URL)) {
    const issuer = new URL(value.OIDC_ISSUER_URL);
    const tenant = issuer.pathname.split("/")[1]?.toLowerCase() ?? "";
    if (issuer.hostname === "login.microsoftonline.com" && ENTRA_SHARED_TENANTS.has(tenant))
      problems.push(
        "OIDC_ISSUER_URL: name your Microsoft Entra tenant (https://login.microsoftonline.com/<tenant id>/v2.0), not a shared endpoint",
      );
  }
  const { OIDC_ISSUER_URL: issuerUrl, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = value;
  const redirectUrl = value.OIDC_REDIRECT_URL;
  if (problems.length > 0 || !issuerUrl || !clientId || !clientSecret || !redirectUrl) throw new ConfigError(problems);
  return {
    sso: {
      issuerUrl,
      clientId,
      clientSecret,
      redirectUrl,
      buttonLabel: value.OIDC_BUTTON_LABEL ?? DEFAULT_SSO_BUTTON_LABEL,
    },
    passwordSignIn: value.PASSWORD_SIGN_IN,
  };
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function checkSsoUrl(name: string, url: string | undefined): string[] {
  if (url === undefined) return [];
  if (!URL.canParse(url)) return [`${name}: must be a URL`];
  const parsed = new URL(url);
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname))) return [];
  return [`${name}: must be an https:// URL (http:// only on localhost, for tests)`];
}

/** Sending email through GOV.UK Notify (docs/operations.md, "Sending email: SMTP or GOV.UK Notify"; decision 026). */
export interface NotifyConfig {
  /** `<key name>-<service id>-<secret>`: the client signs each request with the secret. A secret. */
  apiKey: string;
  /** The Notify API, without a trailing slash. */
  baseUrl: string;
  /** Notify's template for each kind of email (its subject `((subject))`, its body `((body))`). */
  templates: Readonly<Record<EmailKind, string>>;
}

const NOTIFY_DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk";
const UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const UUID = new RegExp(`^${UUID_PATTERN}$`, "i");
// Notify's documented key shape: the key's name, the service id, then the secret.
const NOTIFY_API_KEY = new RegExp(`^\\S+-${UUID_PATTERN}-${UUID_PATTERN}$`, "i");
const NOTIFY_TEMPLATE_PREFIX = "NOTIFY_TEMPLATE_";

/** The variable holding a kind's Notify template id: NOTIFY_TEMPLATE_REFERRAL_RECEIVED for referral_received. */
export function toNotifyTemplateVariable(kind: EmailKind): string {
  return `${NOTIFY_TEMPLATE_PREFIX}${kind.toUpperCase()}`;
}

/**
 * GOV.UK Notify's settings: a key, a template for every kind of email, and not SMTP as well.
 * Read from the raw environment so that its problems are listed with every other one.
 */
function parseNotify(env: Record<string, string | undefined>): { notify: NotifyConfig | null; problems: string[] } {
  const read = (name: string) => env[name]?.trim() || undefined;
  const apiKey = read("NOTIFY_API_KEY");
  const baseUrl = read("NOTIFY_BASE_URL");
  const known = new Set(EMAIL_KINDS.map(toNotifyTemplateVariable));
  const problems = Object.keys(env)
    .filter((name) => name.startsWith(NOTIFY_TEMPLATE_PREFIX) && !known.has(name) && read(name) !== undefined)
    .sort()
    .map((name) => `${name}: no email of that kind (the kinds are ${EMAIL_KINDS.join(", ")})`);
  if (!apiKey) {
    problems.push(
      ...[...known, "NOTIFY_BASE_URL"]
        .filter((name) => read(name) !== undefined)
        .map((name) => `${name}: only with NOTIFY_API_KEY (sending through GOV.UK Notify)`),
    );
    return { notify: null, problems };
  }
  if (!NOTIFY_API_KEY.test(apiKey))
    problems.push(
      "NOTIFY_API_KEY: must be a GOV.UK Notify API key as Notify shows it: <key name>-<service id>-<secret>, the last two UUIDs",
    );
  if (read("SMTP_URL"))
    problems.push("SMTP_URL: choose one way to send email, SMTP_URL or NOTIFY_API_KEY (GOV.UK Notify), not both");
  const templates: Partial<Record<EmailKind, string>> = {};
  for (const kind of EMAIL_KINDS) {
    const name = toNotifyTemplateVariable(kind);
    const templateId = read(name);
    if (templateId === undefined)
      problems.push(`${name}: required with NOTIFY_API_KEY (the id of the ${kind} template)`);
    else if (!UUID.test(templateId)) problems.push(`${name}: must be a template id (a UUID) from GOV.UK Notify`);
    else templates[kind] = templateId.toLowerCase();
  }
  if (baseUrl !== undefined) problems.push(...checkSsoUrl("NOTIFY_BASE_URL", baseUrl));
  if (problems.length > 0 || !isComplete(templates)) return { notify: null, problems };
  return {
    notify: { apiKey, baseUrl: (baseUrl ?? NOTIFY_DEFAULT_BASE_URL).replace(/\/+$/, ""), templates },
    problems,
  };
}

function isComplete(templates: Partial<Record<EmailKind, string>>): templates is Record<EmailKind, string> {
  return EMAIL_KINDS.every((kind) => templates[kind] !== undefined);
}

/** The database: embedded, or DATABASE_URL, with migrations as another role when DATABASE_MIGRATION_URL is set. */
function parseDatabaseSource(value: z.infer<typeof EnvSchema>): DatabaseSource {
  if (!value.DATABASE_URL) {
    if (value.DATABASE_MIGRATION_URL)
      throw new ConfigError(["DATABASE_MIGRATION_URL: only with DATABASE_URL (the embedded database has one role)"]);
    return { kind: "embedded", dataDir: resolve(value.DATA_DIR, "postgres"), port: value.EMBEDDED_POSTGRES_PORT };
  }
  if (!value.DATABASE_MIGRATION_URL) return { kind: "external", url: value.DATABASE_URL };
  const runtimeRole = decodeURIComponent(new URL(value.DATABASE_URL).username);
  const owner = decodeURIComponent(new URL(value.DATABASE_MIGRATION_URL).username);
  if (!runtimeRole)
    throw new ConfigError([
      "DATABASE_URL: name the runtime role (postgresql://psu_app:...@host/psu) with DATABASE_MIGRATION_URL",
    ]);
  if (runtimeRole === owner)
    throw new ConfigError([
      'DATABASE_MIGRATION_URL: must name another role than DATABASE_URL, the one that owns the tables (docs/operations.md, "Database roles")',
    ]);
  return { kind: "external", url: value.DATABASE_URL, migration: { url: value.DATABASE_MIGRATION_URL, runtimeRole } };
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
  const { notify, problems: notifyProblems } = parseNotify(env);
  if (!result.success || notifyProblems.length > 0) {
    throw new ConfigError([
      ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)),
      ...notifyProblems,
    ]);
  }
  const value = result.data;
  if (value.DATABASE_URL && !value.SERVER_SECRET && value.NODE_ENV !== "test") {
    throw new ConfigError([
      "SERVER_SECRET: required with DATABASE_URL, the same on every instance (for example the output of `openssl rand -base64 48`)",
    ]);
  }
  const database = parseDatabaseSource(value);
  const signIn = parseSingleSignOn(value);
  return {
    ...signIn,
    env: value.NODE_ENV,
    host: value.HOST,
    port: value.PORT,
    logLevel: value.LOG_LEVEL,
    database,
    databasePoolMax: value.DATABASE_POOL_MAX,
    workers: value.WORKERS,
    webDistDir: value.WEB_DIST_DIR,
    trustProxy: value.TRUST_PROXY,
    mail: { smtpUrl: value.SMTP_URL, notify, from: value.MAIL_FROM, pollMs: value.OUTBOX_POLL_MS },
    publicUrl: (value.PUBLIC_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, ""),
    retentionMonths: value.RETENTION_MONTHS,
    metricsToken: value.METRICS_TOKEN ?? null,
    serverSecret: value.SERVER_SECRET
      ? { kind: "given", value: value.SERVER_SECRET }
      : value.DATABASE_URL
        ? { kind: "given", value: TEST_SERVER_SECRET }
        : { kind: "kept", file: resolve(value.DATA_DIR, "server-secret") },
  };
}

/**
 * parseConfig for a process starting up: an invalid configuration's list of problems goes to
 * standard error and the answer is null, so the caller exits with 1 (no stack trace to read past).
 */
export function parseConfigOrReport(env: Record<string, string | undefined>): Config | null {
  try {
    return parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return null;
  }
}
