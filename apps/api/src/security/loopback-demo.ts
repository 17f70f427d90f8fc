import { BlockList, isIPv6 } from "node:net";
import { embeddedPasswordFile, type PrismaClient } from "@psu/prisma";
import type { Config } from "../config/env";

// Addresses only this machine can reach: 127.0.0.0/8 and ::1 (and "localhost", which is one of them).
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** True when listening on `host` is reachable from this machine alone. */
export function isLoopbackHost(host: string): boolean {
  const address = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (address === "localhost") return true;
  try {
    return LOOPBACK.check(address, isIPv6(address) ? "ipv6" : "ipv4");
  } catch {
    // Not an address at all (a host name): assume others can reach it.
    return false;
  }
}

/**
 * The loopback-only demo: the embedded database, served on this machine alone. Only there do
 * the demo accounts exist, whose password and second factor the README publishes.
 */
export function isLoopbackDemo(config: Pick<Config, "database" | "host">): boolean {
  return config.database.kind === "embedded" && isLoopbackHost(config.host);
}

// Every demo account (demo/demo-seed.ts) has an address at the reserved .example domain, which
// no real member of staff can have (RFC 2606).
const DEMO_EMAIL_SUFFIX = "@psu.example";

/** How many demo accounts this database holds (seeded on an earlier loopback-only start). */
function countDemoAccounts(prisma: PrismaClient): Promise<number> {
  return prisma.staffMember.count({ where: { email: { endsWith: DEMO_EMAIL_SUFFIX } } });
}

/**
 * What to do about demo accounts on an embedded database served beyond this machine: refuse to
 * start when a loopback demo's accounts are in it (anyone who can read the README could sign
 * in); otherwise carry on without them, telling how to make the first admin when there is none.
 */
export async function checkDemoExposure(
  prisma: PrismaClient,
): Promise<{ outcome: "demo-accounts-present" } | { outcome: "no-demo"; staff: number }> {
  if ((await countDemoAccounts(prisma)) > 0) return { outcome: "demo-accounts-present" };
  return { outcome: "no-demo", staff: await prisma.staffMember.count() };
}

/**
 * The command that makes the first admin on this embedded database (cli/create-admin.ts): it
 * reads the database password and the server secret from their files, so neither is printed.
 */
export function firstAdminCommand(
  config: Pick<Config, "serverSecret" | "publicUrl">,
  database: { dataDir: string; port: number; name: string },
): string {
  const secret = config.serverSecret.kind === "kept" ? `"$(cat ${config.serverSecret.file})"` : '"$SERVER_SECRET"';
  return (
    `DATABASE_URL="postgresql://postgres:$(cat ${embeddedPasswordFile(database.dataDir)})@127.0.0.1:${database.port}/${database.name}" ` +
    `SERVER_SECRET=${secret} PUBLIC_URL=${config.publicUrl} ` +
    'pnpm --filter @psu/api create-admin --email you@nhs.net --name "Your Name"'
  );
}
