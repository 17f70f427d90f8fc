import { TERMINAL_CASE_STATUSES } from "@psu/domain";
import { Prisma, type PrismaClient } from "@psu/prisma";
import { recordAudit } from "../audit/audit.repository";
import { anonymiseReferral } from "./anonymise";

/** The same instant `months` calendar months earlier (UTC), clamped to the month's last day. */
export function monthsBefore(now: Date, months: number): Date {
  const target = new Date(now.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

// Closed and withdrawn: the domain's list, not literals.
const TERMINAL = Prisma.join([...TERMINAL_CASE_STATUSES]);

export interface RetentionRun {
  now: Date;
  /** Months after a case was closed or withdrawn before it is anonymised. */
  months: number;
  /** Cases looked at per query (each is anonymised in its own transaction). */
  batchSize?: number;
}

/**
 * Anonymises every case closed or withdrawn more than `months` ago and not yet anonymised, one
 * transaction per case. Safe with several API instances: each case is claimed with
 * FOR UPDATE SKIP LOCKED (another instance working on it is skipped) and anonymising re-checks
 * under the lock. Records one RETENTION_ANONYMISED audit entry per run (ids only, even when
 * the count is 0, so the log shows the job ran). Returns the case ids anonymised.
 */
export async function runRetention(prisma: PrismaClient, run: RetentionRun): Promise<string[]> {
  const cutoff = monthsBefore(run.now, run.months);
  const batchSize = run.batchSize ?? 100;
  const done: string[] = [];
  const skipped = new Set<string>();
  for (;;) {
    const excluded = [...skipped];
    const candidates = await prisma.$queryRaw<{ referral_id: string }[]>`
      SELECT c.referral_id::text AS referral_id FROM cases c JOIN referrals r ON r.id = c.referral_id
      WHERE c.status IN (${TERMINAL}) AND c.closed_at < ${cutoff} AND r.anonymised_at IS NULL
        AND NOT (c.referral_id::text = ANY(${excluded}::text[]))
      ORDER BY c.closed_at LIMIT ${batchSize}`;
    if (candidates.length === 0) break;
    for (const { referral_id: referralId } of candidates) {
      const caseId = await prisma.$transaction(async (tx) => {
        const claimed = await tx.$queryRaw<{ id: string; case_id: string }[]>`
          SELECT r.id, c.id::text AS case_id FROM referrals r JOIN cases c ON c.referral_id = r.id
          WHERE r.id = ${referralId}::uuid AND r.anonymised_at IS NULL
            AND c.status IN (${TERMINAL}) AND c.closed_at < ${cutoff}
          FOR UPDATE OF r SKIP LOCKED`;
        const claim = claimed[0];
        if (!claim) return null;
        return (await anonymiseReferral(tx, referralId, "retention", run.now)) ? claim.case_id : null;
      });
      if (caseId) done.push(caseId);
      else skipped.add(referralId);
    }
  }
  await recordAudit(prisma, {
    actorId: null,
    action: "RETENTION_ANONYMISED",
    detail: { count: done.length, months: run.months, closedBefore: cutoff.toISOString(), caseIds: done },
  });
  return done;
}
