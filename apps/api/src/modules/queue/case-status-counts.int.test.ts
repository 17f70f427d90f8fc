import pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { createTestCase } from "../../test/staff-fixtures";

// case_status_counts is kept by triggers on cases (decision 023) and read by the queue for
// everyone's cases: after any write it must say what counting the cases says.

const testApp = useTestApp();

async function readKeptCounts(): Promise<Record<string, number>> {
  const rows = await testApp.app.prisma.$queryRaw<{ status: string; count: number }[]>`
    SELECT status, sum(count)::int AS count FROM case_status_counts GROUP BY status HAVING sum(count) <> 0`;
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

  it("lets transactions on different connections change the same status's count without waiting for each other", async () => {
    const prisma = testApp.app.prisma;
    const first = await createTestCase(prisma);
    const second = await createTestCase(prisma);
    // Two connections whose counts go to different slots (the backend's process id modulo 16).
    const clients: pg.Client[] = [];
    const slotOf = async (client: pg.Client) =>
      Number((await client.query<{ slot: number }>("select pg_backend_pid() % 16 as slot")).rows[0]?.slot);
    try {
      let pair: [pg.Client, pg.Client] | undefined;
      const slots = new Map<number, pg.Client>();
      while (!pair && clients.length < 20) {
        const client = new pg.Client({ connectionString: testApp.database.url });
        await client.connect();
        clients.push(client);
        const slot = await slotOf(client);
        const other = [...slots.entries()].find(([taken]) => taken !== slot)?.[1];
        if (other) pair = [other, client];
        slots.set(slot, client);
      }
      if (!pair) throw new Error("no two connections with different slots");
      const [holding, other] = pair;

      // The first moves a case out of "new" and keeps its transaction open...
      await holding.query("begin");
      await holding.query("update cases set status = 'triage' where id = $1", [first.caseId]);
      // ...while the second does the same to another case and commits: no wait for the first
      // (with one row per status it would wait for the 'new' row, and fail after a second).
      await other.query("set lock_timeout = '1s'");
      await other.query("begin");
      await other.query("update cases set status = 'triage' where id = $1", [second.caseId]);
      await other.query("commit");
      await holding.query("commit");
      expect(await readKeptCounts()).toEqual(await countCases());
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });
});
