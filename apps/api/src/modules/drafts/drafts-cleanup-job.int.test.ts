import { createPrismaClient, createTestDatabase } from "@psu/prisma";
import { expect, inject, it } from "vitest";
import { buildApp } from "../../app";
import { parseConfig } from "../../config/env";
import { loadServerSecret } from "../../security/server-secret";

const NOW = new Date("2026-11-24T09:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

it("removes expired drafts at start-up, with the app's clock, and keeps live ones", async () => {
  const database = await createTestDatabase(inject("postgres"));
  const prisma = createPrismaClient(database.url, { max: 4 });
  const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: database.url });
  const serverSecret = await loadServerSecret(config.serverSecret);
  const app = await buildApp({ config, serverSecret, prisma, now: () => NOW, backgroundJobs: true });
  try {
    const draft = (hash: string, createdDaysAgo: number, expiresInDays: number) => ({
      resumeCodeHash: hash,
      data: { step: "group" },
      createdAt: new Date(NOW.getTime() - createdDaysAgo * DAY),
      updatedAt: NOW,
      expiresAt: new Date(NOW.getTime() + expiresInDays * DAY),
    });
    await app.prisma.referralDraft.createMany({
      data: [
        draft("expired", 10, -1),
        // First saved 31 days ago: past the cap, whatever its expiry says.
        draft("past-the-cap", 31, 5),
        draft("live", 2, 5),
      ],
    });
    await app.ready();
    await expect
      .poll(async () => (await app.prisma.referralDraft.findMany({ select: { resumeCodeHash: true } })).length)
      .toBe(1);
    const left = await app.prisma.referralDraft.findMany({ select: { resumeCodeHash: true } });
    expect(left).toEqual([{ resumeCodeHash: "live" }]);
  } finally {
    await app.close();
    await database.drop();
  }
});
