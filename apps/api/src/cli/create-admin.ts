// Creates the first admin on a real database (no default account exists there):
//   DATABASE_URL=postgresql://... pnpm --filter @psu/api create-admin -- --email a@nhs.net --name "A Person"
// The password is read from the terminal (or from standard input when piped), never from argv.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { applyMigrations, createPrismaClient } from "@psu/prisma";
import { z } from "zod";
import { hashPassword } from "../modules/auth/password";

const ArgsSchema = z.object({
  email: z.email("--email must be an email address").transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1, "--name is required"),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
  const args = ArgsSchema.safeParse(values);
  if (!args.success) throw new Error(args.error.issues.map((issue) => issue.message).join("; "));
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the database to add the admin to.");

  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const password = await prompt.question("Password (at least 12 characters): ");
  prompt.close();
  if (password.length < 12) throw new Error("The password must be at least 12 characters.");

  await applyMigrations(url);
  const prisma = createPrismaClient(url, { max: 1 });
  try {
    await prisma.staffMember.create({
      data: {
        ...args.data,
        role: "admin",
        passwordHash: await hashPassword(password),
        leadKinds: [],
        affiliations: [],
      },
      select: { id: true },
    });
  } finally {
    await prisma.$disconnect();
  }
  console.error(`Admin ${args.data.email} created.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : "Could not create the admin.");
  process.exit(1);
});
