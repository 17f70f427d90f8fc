import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { createTestCase } from "../../test/staff-fixtures";

// case_status_counts is kept by triggers on cases (decision 023) and read by the queue for
// everyone's cases: after any write it must say what counting the cases says.

const testApp = useTestApp();

async function readKeptCounts(): Promise<Record<string, number>> {
  const rows = await testApp.app.prisma.$queryRaw<{ status: string; count: number }[]>`
    SELECT status, count FROM case_status_counts WHERE count <> 0`;
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

async function countCases(): Promise<Record<string, number>> {
  const rows = await testApp.app.prisma.$queryRaw<{ status: string; count: number }[]>`
    SELECT status, count(*)::int AS count FROM cases GROUP BY status`;
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

describe("case_status_counts", () => {
  it("follows inserts, status changes (one case or many at once), deletes and a truncate", async () => {
    const prisma = testApp.app.prisma;
    const first = await createTestCase(prisma);
    await createTestCase(prisma);
    const triaged = await createTestCase(prisma, { status: "triage" });
    expect(await readKeptCounts()).toEqual({ new: 2, triage: 1 });

    await prisma.case.update({ where: { id: first.caseId }, data: { status: "triage" } });
    expect(await readKeptCounts()).toEqual({ new: 1, triage: 2 });

    await prisma.$executeRaw`UPDATE cases SET status = 'closed' WHERE status IN ('new', 'triage')`;
    expect(await readKeptCounts()).toEqual({ closed: 3 });

    // A change that keeps the status changes no count.
    await prisma.$executeRaw`UPDATE cases SET version = version + 1`;
    expect(await readKeptCounts()).toEqual({ closed: 3 });

    // Deleting a referral deletes its case (ON DELETE CASCADE).
    await prisma.referral.delete({ where: { id: triaged.referralId } });
    expect(await readKeptCounts()).toEqual(await countCases());
    expect(await readKeptCounts()).toEqual({ closed: 2 });

    // Emptying referrals empties their cases too.
    await prisma.$executeRawUnsafe("TRUNCATE referrals CASCADE");
    expect(await readKeptCounts()).toEqual({});
  });

  it("leaves no trace of a change that was rolled back", async () => {
    const prisma = testApp.app.prisma;
    const { caseId } = await createTestCase(prisma);
    const before = await readKeptCounts();
    await expect(
      prisma.$transaction(async (transaction) => {
        await transaction.case.update({ where: { id: caseId }, data: { status: "withdrawn" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await readKeptCounts()).toEqual(before);
    expect(before).toEqual(await countCases());
  });
});
