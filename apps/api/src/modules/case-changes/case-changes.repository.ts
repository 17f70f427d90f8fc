import type { AuditAction, CaseColumns } from "@psu/domain";
import type { Prisma, PrismaClient } from "@psu/prisma";
import { CASE_STATE_SELECT } from "../../database/case-columns";
import { recordAudit } from "../audit/audit.repository";
import { queueTraineeEmail, type TraineeEmailMessage } from "../outbox/outbox.repository";
import { STAFF_COVER_SELECT, type StaffCoverRecord } from "../staff-admin/staff-admin.repository";

/** What a case change needs to know about the case before deciding. */
export interface CaseForChange {
  id: string;
  status: string;
  version: number;
  leadId: string | null;
  allocatedAt: Date | null;
  firstContactAt: Date | null;
  triagedAt: Date | null;
  resumeTo: string | null;
  pausedSince: Date | null;
  pauses: Prisma.JsonValue;
  safetyConcern: boolean;
  referral: {
    reference: string;
    services: string[];
    employer: string;
    email: string | null;
    /** When its personal data was removed (retention or erasure): then it may not be changed. */
    anonymisedAt: Date | null;
  };
}

export async function findCaseForChange(prisma: PrismaClient, caseId: string): Promise<CaseForChange | null> {
  return prisma.case.findUnique({
    where: { id: caseId },
    select: {
      ...CASE_STATE_SELECT,
      safetyConcern: true,
      referral: { select: { reference: true, services: true, employer: true, email: true, anonymisedAt: true } },
    },
  });
}

export interface CaseChange {
  caseId: string;
  /** The version the change was decided on: if the case has moved on, nothing is written. */
  expectedVersion: number;
  now: Date;
  set: CaseColumns & { safetyConcern?: boolean };
  actorId: string;
  event: { kind: string; data: Prisma.InputJsonObject };
  /** Ids, codes and versions only: never free text. */
  audit: { action: AuditAction; detail: Prisma.InputJsonObject; ip: string | null };
  /** The email this change sends the trainee, if any, queued in the same transaction. */
  traineeEmail?: TraineeEmailMessage | null;
}

/** What became of a change: written (with the new version), stale, or refused because the personal data went meanwhile. */
export type CaseChangeOutcome =
  | { kind: "applied"; version: number }
  | { kind: "stale" }
  | { kind: "anonymised"; anonymisedAt: Date };

/**
 * Applies a change, appends its timeline event and writes its audit entry in one transaction,
 * only if the case is still at `expectedVersion` and its referral still has its personal data.
 * Otherwise nothing is written. The conditional UPDATE is what makes concurrent changes safe:
 * PostgreSQL re-checks `version` after waiting for the row lock, so of many requests based on
 * one version exactly one matches. The referral is read FOR SHARE first: anonymisation locks it
 * FOR UPDATE, so a change either waits for it and is refused, or commits first and has its
 * free text removed with the rest.
 */
export async function applyCaseChangeIfUnchanged(prisma: PrismaClient, change: CaseChange): Promise<CaseChangeOutcome> {
  const { caseId, expectedVersion, now, set, actorId } = change;
  return prisma.$transaction(
    async (tx): Promise<CaseChangeOutcome> => {
      const [referral] = await tx.$queryRaw<{ anonymised_at: Date | null }[]>`
        SELECT r.anonymised_at FROM referrals r JOIN cases c ON c.referral_id = r.id
        WHERE c.id = ${caseId}::uuid FOR SHARE OF r`;
      if (referral?.anonymised_at) return { kind: "anonymised", anonymisedAt: referral.anonymised_at };
      const updated = await tx.case.updateMany({
        where: { id: caseId, version: expectedVersion },
        data: { ...set, version: { increment: 1 }, updatedAt: now },
      });
      if (updated.count === 0) return { kind: "stale" };
      const version = expectedVersion + 1;
      await tx.caseEvent.create({
        data: { caseId, at: now, actorType: "staff", actorId, kind: change.event.kind, data: change.event.data },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId,
        action: change.audit.action,
        caseId,
        detail: { ...change.audit.detail, fromVersion: expectedVersion, toVersion: version },
        ip: change.audit.ip,
      });
      if (change.traineeEmail) await queueTraineeEmail(tx, change.traineeEmail);
      return { kind: "applied", version };
    },
    // Concurrent changes to one case queue on its row lock: give the queue time to drain.
    { maxWait: 10_000, timeout: 15_000 },
  );
}

export interface LatestCaseEvent {
  at: Date;
  actorType: string;
  actorId: string | null;
  kind: string;
  data: Prisma.JsonValue;
}

/** The case's most recent timeline event, for telling someone what changed under them. */
export async function findLatestCaseEvent(prisma: PrismaClient, caseId: string): Promise<LatestCaseEvent | null> {
  return prisma.caseEvent.findFirst({
    where: { caseId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { at: true, actorType: true, actorId: true, kind: true, data: true },
  });
}

/** A lead as the suggestions weigh them: their cover and load, and their leave as day ranges. */
export interface LeadRecord extends StaffCoverRecord {
  leave: { from: string; to: string }[];
}

/** Active leads (or the given members, whatever their role and state) with open case counts and leave. */
export async function findLeadsForSuggestion(
  prisma: PrismaClient,
  filter: { ids: string[] } | "active_leads",
): Promise<LeadRecord[]> {
  const rows = await prisma.staffMember.findMany({
    where: filter === "active_leads" ? { role: "lead", active: true } : { id: { in: filter.ids } },
    orderBy: { name: "asc" },
    select: { ...STAFF_COVER_SELECT, leave: { select: { fromDay: true, toDay: true } } },
  });
  return rows.map(({ _count, leave, ...lead }) => ({
    ...lead,
    openCaseCount: _count.cases,
    leave: leave.map((period) => ({ from: period.fromDay, to: period.toDay })),
  }));
}

/**
 * Leads this trainee has been allocated to before, on this case or an earlier one (matched by
 * the email address they gave), from the timeline's allocation events.
 */
export async function findPreviousLeadIds(prisma: PrismaClient, traineeEmail: string | null): Promise<string[]> {
  // Without an address there is nothing to match earlier cases by.
  if (traineeEmail === null) return [];
  const events = await prisma.caseEvent.findMany({
    where: { kind: "assigned", case: { referral: { email: traineeEmail } } },
    select: { data: true },
  });
  const ids = events.flatMap((event) => {
    const data = event.data;
    const leadId = data && typeof data === "object" && !Array.isArray(data) ? data.leadId : undefined;
    return typeof leadId === "string" ? [leadId] : [];
  });
  return [...new Set(ids)];
}
