import {
  type CaseFacts,
  type CaseStatus,
  CaseStatusSchema,
  type CaseTransitionPlan,
  ClosedPausesSchema,
} from "@psu/domain";
import { Prisma, type PrismaClient } from "@psu/prisma";
import { type AuditRecord, recordAudit } from "../audit/audit.repository";
import { anonymiseReferral } from "./anonymise";
import { CASE_COLUMNS, DRAFT_COLUMNS, DRAFT_EMAIL_PATH, REFERRAL_COLUMNS } from "./personal-data";

// Every database read and write of the data-protection module. Exports select every column the
// personal-data registry lists, so a new column is exported without touching this file.

function selectEvery<Column extends string>(columns: Readonly<Record<Column, unknown>>): Record<Column, true> {
  return Object.fromEntries(Object.keys(columns).map((column) => [column, true])) as Record<Column, true>;
}

const REFERRAL_SELECT = selectEvery(REFERRAL_COLUMNS.columns) satisfies Prisma.ReferralSelect;
const CASE_SELECT = selectEvery(CASE_COLUMNS.columns) satisfies Prisma.CaseSelect;
const DRAFT_SELECT = selectEvery(DRAFT_COLUMNS.columns) satisfies Prisma.ReferralDraftSelect;

/**
 * The condition on `referral_drafts` for drafts holding one of these email addresses (already
 * trimmed and in lower case), as typed into the draft: compared trimmed and in lower case too.
 */
function draftEmailIn(emails: readonly string[]): Prisma.Sql {
  return Prisma.sql`lower(btrim(data #>> ${[...DRAFT_EMAIL_PATH]}::text[])) = ANY(${[...emails]}::text[])`;
}

const EXPORT_SELECT = {
  ...REFERRAL_SELECT,
  case: {
    select: {
      ...CASE_SELECT,
      lead: { select: { name: true } },
      events: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { at: true, kind: true, actorType: true, actorId: true, data: true },
      },
    },
  },
} satisfies Prisma.ReferralSelect;

export type ReferralForExport = Prisma.ReferralGetPayload<{ select: typeof EXPORT_SELECT }>;

/** Every referral with this email address (not yet anonymised), or the one with this reference. */
export async function findReferralsForExport(
  prisma: PrismaClient,
  by: { email: string } | { reference: string },
): Promise<ReferralForExport[]> {
  const where = "email" in by ? { email: by.email, anonymisedAt: null } : { reference: by.reference };
  return prisma.referral.findMany({ where, orderBy: { submittedAt: "asc" }, select: EXPORT_SELECT });
}

export type DraftForExport = Prisma.ReferralDraftGetPayload<{ select: typeof DRAFT_SELECT }>;

/** Every draft, expired or not, whose email address is one of these: every column the registry lists. */
export async function findDraftsForExport(prisma: PrismaClient, emails: readonly string[]): Promise<DraftForExport[]> {
  if (emails.length === 0) return [];
  const matches = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM ${Prisma.raw(DRAFT_COLUMNS.table)} WHERE ${draftEmailIn(emails)}`;
  if (matches.length === 0) return [];
  return prisma.referralDraft.findMany({
    where: { id: { in: matches.map((match) => match.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: DRAFT_SELECT,
  });
}

/** Emails about these referrals: every email to a trainee names its reference in the payload. */
export async function findEmailsForExport(prisma: PrismaClient, references: string[]) {
  return prisma.outboxMessage.findMany({
    where: { OR: references.map((reference) => ({ payload: { path: ["reference"], equals: reference } })) },
    orderBy: { id: "asc" },
    select: { kind: true, recipient: true, payload: true, createdAt: true, sentAt: true },
  });
}

/** Who read or changed these cases, and when. */
export async function findAuditEntriesForCases(prisma: PrismaClient, caseIds: string[]) {
  return prisma.auditEntry.findMany({
    where: { caseId: { in: caseIds } },
    orderBy: { id: "asc" },
    select: { at: true, action: true, actorId: true, caseId: true },
  });
}

/** What an admin sees before confirming an erasure. */
export async function findReferralForErasure(prisma: PrismaClient, reference: string) {
  return prisma.referral.findUnique({
    where: { reference },
    select: {
      reference: true,
      submittedAt: true,
      anonymisedAt: true,
      case: { select: { status: true, _count: { select: { events: true } } } },
    },
  });
}

/** A case as the transition planner needs it, read inside the erasure's transaction. */
export interface CaseForErasure extends CaseFacts {
  id: string;
}

export interface Erasure {
  reference: string;
  now: Date;
  /** Plans the withdrawal of a case that is still open; null leaves it as it is. */
  planWithdrawal: (found: CaseForErasure) => CaseTransitionPlan | null;
  /** The staff member erasing: the timeline event is theirs. */
  actorId: string;
  /** The audit entry the service plans, given what was done. */
  audit: (done: ErasureDone) => AuditRecord;
}

/** What an erasure did: the case, the status it was withdrawn from, and how many drafts went. */
export interface ErasureDone {
  caseId: string | null;
  withdrewFrom: CaseStatus | null;
  draftsDeleted: number;
}

export type ErasureOutcome = { kind: "not_found" } | { kind: "already_erased" } | ({ kind: "erased" } & ErasureDone);

/**
 * Erases one referral in one transaction: locks it (a second erasure waits, then finds it done),
 * withdraws its case as planned when still open (status, columns and timeline event), anonymises
 * it by the registry, deletes the drafts holding its email address, and writes the audit entry.
 * Nothing is half written.
 */
export async function eraseReferral(prisma: PrismaClient, erasure: Erasure): Promise<ErasureOutcome> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; email: string | null; anonymised_at: Date | null }[]>`
      SELECT id::text AS id, email, anonymised_at FROM referrals WHERE reference = ${erasure.reference} FOR UPDATE`;
    const row = locked[0];
    if (!row) return { kind: "not_found" } as const;
    if (row.anonymised_at) return { kind: "already_erased" } as const;

    const found = await tx.case.findUnique({
      where: { referralId: row.id },
      select: {
        id: true,
        status: true,
        leadId: true,
        triagedAt: true,
        firstContactAt: true,
        pausedSince: true,
        pauses: true,
      },
    });
    const facts = found && {
      ...found,
      status: CaseStatusSchema.parse(found.status),
      pauses: ClosedPausesSchema.parse(found.pauses),
    };
    const plan = facts ? erasure.planWithdrawal(facts) : null;
    if (facts && plan) {
      await tx.case.update({
        where: { id: facts.id },
        data: { ...plan.set, version: { increment: 1 }, updatedAt: erasure.now },
        select: { id: true },
      });
      await tx.caseEvent.create({
        data: {
          caseId: facts.id,
          at: erasure.now,
          actorType: "staff",
          actorId: erasure.actorId,
          kind: plan.event.kind,
          data: plan.event.data,
        },
        select: { id: true },
      });
    }
    await anonymiseReferral(tx, row.id, "erasure", erasure.now);
    // Read before anonymising (which clears it); a referral recorded without an address has no drafts.
    const draftsDeleted = row.email
      ? await tx.$executeRaw`DELETE FROM ${Prisma.raw(DRAFT_COLUMNS.table)} WHERE ${draftEmailIn([row.email])}`
      : 0;
    const done: ErasureDone = {
      caseId: facts?.id ?? null,
      withdrewFrom: plan ? (facts?.status ?? null) : null,
      draftsDeleted,
    };
    await recordAudit(tx, erasure.audit(done));
    return { kind: "erased", ...done } as const;
  });
}
