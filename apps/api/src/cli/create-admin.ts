// Creates the first admin on a real database (no default account exists there):
//   DATABASE_URL=postgresql://... SERVER_SECRET=... PUBLIC_URL=https://... \
//     pnpm --filter @psu/api create-admin -- --email a@nhs.net --name "A Person"
// It prints a one-time link (72 hours) where that person chooses their own password; then they
// sign in and set up their second factor. Nobody types a password for anyone else, and none
// passes through argv, the shell history or this terminal. Run again for an admin who has not
// set a password yet, and a new link replaces the old one.
import { parseArgs } from "node:util";
import { applyMigrations, createPrismaClient, type PrismaClient } from "@psu/prisma";
import { z } from "zod";
import { parseConfig } from "../config/env";
import { hasPassword, writeOneTimeLink } from "../modules/account/account.repository";
import { type LinkSettings, planOneTimeLink } from "../modules/account/account.service";
import { createStaffMember } from "../modules/staff-admin/staff-admin.repository";
import { createKeyedHash, loadServerSecret } from "../security/server-secret";

const ArgsSchema = z.object({
  email: z.email("--email must be an email address").transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1, "--name is required"),
});

const VIA = { via: "create-admin command" };

/** The invitation link for a new admin, or a fresh one for an admin who has not set a password yet. */
async function inviteAdmin(
  prisma: PrismaClient,
  settings: LinkSettings,
  admin: z.infer<typeof ArgsSchema>,
  now: Date,
): Promise<string> {
  let url = "";
  const invite = (staffId: string) => {
    const link = planOneTimeLink(settings, {
      staffId,
      emailTo: null,
      purpose: "invitation",
      now,
      audit: { actorId: null, action: "STAFF_INVITATION_SENT", detail: { staffId, ...VIA } },
    });
    url = link.url;
    return link;
  };
  const created = await createStaffMember(
    prisma,
    { ...admin, role: "admin", leadKinds: [], capacity: 0, affiliations: [] },
    (staffId) => ({ actorId: null, action: "STAFF_CREATED", detail: { staffId, role: "admin", ...VIA } }),
    (tx, staffId) => writeOneTimeLink(tx, invite(staffId)),
  );
  if (created !== "duplicate_email") return url;

  const existing = await prisma.staffMember.findUniqueOrThrow({
    where: { email: admin.email },
    select: { id: true, role: true, active: true },
  });
  if (existing.role !== "admin" || !existing.active || (await hasPassword(prisma, existing.id))) {
    throw new Error(
      "A member of staff already has that email address and can sign in (or is not an admin). Use the staff pages instead.",
    );
  }
  await prisma.$transaction((tx) => writeOneTimeLink(tx, invite(existing.id)));
  return url;
}

async function main(): Promise<void> {
  // `pnpm <script> -- --email ...` hands the "--" on: it only separates pnpm's options from ours.
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv[0] === "--" ? argv.slice(1) : argv,
    options: { email: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  const args = ArgsSchema.safeParse(values);
  if (!args.success) throw new Error(args.error.issues.map((issue) => issue.message).join("; "));
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the database to add the admin to.");
  if (!process.env.PUBLIC_URL) throw new Error("Set PUBLIC_URL to where staff reach the service, for the link.");
  // The same settings as the server: the link's token is hashed with the server secret it uses.
  const config = parseConfig(process.env);
  if (config.database.kind !== "external") throw new Error("Set DATABASE_URL to the database to add the admin to.");

  // As the server does: migrations as the owner role when DATABASE_MIGRATION_URL is set.
  const { migration } = config.database;
  await applyMigrations(migration?.url ?? config.database.url, { runtimeRole: migration?.runtimeRole });
  const prisma = createPrismaClient(config.database.url, { max: 1 });
  try {
    const settings = {
      keyedHash: createKeyedHash(await loadServerSecret(config.serverSecret)),
      publicUrl: config.publicUrl,
    };
    const url = await inviteAdmin(prisma, settings, args.data, new Date());
    console.error(`Admin ${args.data.email} invited. To choose a password, open this link within 72 hours:`);
    // Standard output holds the link alone, so it can be piped; it is shown once and stored only hashed.
    console.log(url);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : "Could not create the admin.");
  process.exit(1);
});
