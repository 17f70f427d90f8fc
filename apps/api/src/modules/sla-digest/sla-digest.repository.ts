import type { StaffRole } from "@psu/domain";
import type { Prisma, PrismaClient } from "@psu/prisma";

/** The digest's name in job_runs; its run_key is the London date. */
const JOB = "sla_digest";

/** Whether the digest for this London date has been queued (by any instance). */
export async function hasDigestBeenQueued(prisma: PrismaClient, runKey: string): Promise<boolean> {
  const run = await prisma.jobRun.findUnique({
    where: { job_runKey: { job: JOB, runKey } },
    select: { outcome: true },
  });
  return run?.outcome === "succeeded";
}

export interface DigestToQueue {
  runKey: string;
  now: Date;
  kind: string;
  payload: Prisma.InputJsonValue;
  /** Who gets it: active staff with one of these roles. */
  roles: readonly StaffRole[];
  /** What the run did, as counts (job_runs.detail), beside the number of recipients. */
  detail: Record<string, Prisma.InputJsonValue>;
}

/**
 * Claims the run and queues one email per recipient, in one transaction: the first instance to
 * insert (sla_digest, date) into job_runs queues the emails; any other finds the row and queues
 * nothing (a concurrent insert waits for the first to commit, then finds it). A crash before the
 * commit leaves neither the claim nor any email, so the digest is never half sent. A run recorded
 * as failed may be claimed again. Returns the number of recipients, or null when already claimed.
 */
export async function queueDigestOnce(prisma: PrismaClient, digest: DigestToQueue): Promise<number | null> {
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ run_key: string }[]>`
      INSERT INTO job_runs (job, run_key, started_at) VALUES (${JOB}, ${digest.runKey}, ${digest.now})
      ON CONFLICT (job, run_key) DO UPDATE
        SET started_at = EXCLUDED.started_at, finished_at = NULL, outcome = NULL, detail = NULL
        WHERE job_runs.outcome = 'failed'
      RETURNING run_key`;
    if (claimed.length === 0) return null;
    const recipients = await tx.staffMember.findMany({
      where: { active: true, role: { in: [...digest.roles] } },
      orderBy: { email: "asc" },
      select: { email: true },
    });
    await tx.outboxMessage.createMany({
      data: recipients.map(({ email }) => ({ kind: digest.kind, recipient: email, payload: digest.payload })),
    });
    await tx.jobRun.update({
      where: { job_runKey: { job: JOB, runKey: digest.runKey } },
      data: {
        finishedAt: digest.now,
        outcome: "succeeded",
        detail: { ...digest.detail, recipients: recipients.length },
      },
      select: { runKey: true },
    });
    return recipients.length;
  });
}

/** Records that a run failed (the error's name only), unless some instance has queued it meanwhile. */
export async function recordDigestFailure(prisma: PrismaClient, runKey: string, now: Date, error: string) {
  const detail = JSON.stringify({ error: error.slice(0, 100) });
  await prisma.$executeRaw`
    INSERT INTO job_runs (job, run_key, started_at, finished_at, outcome, detail)
    VALUES (${JOB}, ${runKey}, ${now}, ${now}, 'failed', ${detail}::jsonb)
    ON CONFLICT (job, run_key) DO UPDATE
      SET finished_at = EXCLUDED.finished_at, outcome = 'failed', detail = EXCLUDED.detail
      WHERE job_runs.outcome IS DISTINCT FROM 'succeeded'`;
}
