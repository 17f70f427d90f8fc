import { createPrismaClient, createTestDatabase } from "@psu/prisma";
import { expect, inject, it } from "vitest";
import { buildApp } from "../../app";
import { parseConfig } from "../../config/env";
import { loadServerSecret } from "../../security/server-secret";
import { createTestCase } from "../../test/staff-fixtures";
import { monthsBefore } from "./retention.service";

const NOW = new Date("2026-11-24T09:00:00Z");

it("runs the retention job at start-up with RETENTION_MONTHS and the app's clock", async () => {
  const database = await createTestDatabase(inject("postgres"));
  const prisma = createPrismaClient(database.url, { max: 4 });
  const config = parseConfig({ NODE_ENV: "test", DATABASE_URL: database.url, RETENTION_MONTHS: "12" });
  const serverSecret = await loadServerSecret(config.serverSecret);
  const app = await buildApp({ config, serverSecret, prisma, now: () => NOW, backgroundJobs: true });
  try {
    const due = await createTestCase(app.prisma, { status: "closed", openedAt: monthsBefore(NOW, 13) });
    const kept = await createTestCase(app.prisma, { status: "closed", openedAt: monthsBefore(NOW, 11) });
    await app.ready();
    await expect
      .poll(async () => app.prisma.auditEntry.count({ where: { action: "RETENTION_ANONYMISED" } }))
      .toBeGreaterThan(0);
    const entry = await app.prisma.auditEntry.findFirstOrThrow({ where: { action: "RETENTION_ANONYMISED" } });
    expect(entry.detail).toMatchObject({ count: 1, months: 12, caseIds: [due.caseId] });
    const keptRow = await app.prisma.referral.findUniqueOrThrow({ where: { id: kept.referralId } });
    expect(keptRow.anonymisedAt).toBeNull();
  } finally {
    await app.close();
    await database.drop();
  }
});
