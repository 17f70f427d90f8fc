import {
  decideTransition,
  type ErasurePreview,
  type ErasureRequest,
  type ErasureResult,
  planCaseTransition,
  type SubjectAccessExport,
  SubjectAccessExportSchema,
  type SubjectAccessRequest,
  TERMINAL_CASE_STATUSES,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import { recordAudit } from "../audit/audit.repository";
import { findStaffNames } from "../staff-admin/staff-admin.repository";
import {
  type CaseForErasure,
  eraseReferral,
  findAuditEntriesForCases,
  findDraftsForExport,
  findEmailsForExport,
  findReferralForErasure,
  findReferralsForExport,
  type ReferralForExport,
} from "./data-protection.repository";

export interface AdminContext {
  staffId: string;
  ip: string | null;
  now: Date;
}

const NOT_FOUND_MESSAGE = "We hold no referral or saved answers for that trainee.";

type JsonColumns = Record<string, SubjectAccessExport["referrals"][number]["referral"][string]>;

/** A row's columns as JSON: dates as ISO strings, everything else as stored. */
function toJsonColumns(row: Record<string, unknown>): JsonColumns {
  return JSON.parse(JSON.stringify(row));
}

/**
 * Everything held about a trainee: each referral with that email address (or the one with that
 * reference), every column of it and of its case, the timeline, who read or changed the case,
 * the emails queued or sent, and the saved drafts holding the email address (the one asked for,
 * or the referral's). Records SUBJECT_ACCESS_EXPORTED (case ids and the number of drafts only,
 * never the email).
 */
export async function exportSubjectData(
  prisma: PrismaClient,
  query: SubjectAccessRequest,
  context: AdminContext,
): Promise<SubjectAccessExport> {
  const email = "email" in query ? query.email.trim().toLowerCase() : null;
  const by = "email" in query ? { email: email ?? "" } : { reference: query.reference.trim().toUpperCase() };
  const referrals = await findReferralsForExport(prisma, by);
  // Drafts hold no reference: asked by reference, they are found by the referral's email address.
  const emails = email !== null ? [email] : referrals.flatMap((referral) => (referral.email ? [referral.email] : []));
  const drafts = await findDraftsForExport(prisma, emails);
  if (referrals.length === 0 && drafts.length === 0) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);

  const caseIds = referrals.flatMap((referral) => (referral.case ? [referral.case.id] : []));
  const [audit, queued] = await Promise.all([
    findAuditEntriesForCases(prisma, caseIds),
    findEmailsForExport(
      prisma,
      referrals.map((referral) => referral.reference),
    ),
  ]);
  const staffIds = [
    ...audit.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])),
    ...referrals.flatMap((referral) => referral.case?.events.flatMap((event) => event.actorId ?? []) ?? []),
  ];
  const names = await findStaffNames(prisma, [...new Set(staffIds)]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? "Unknown member of staff") : null);

  // Parsed, not just typed: the document is sent pre-serialised, past the route's response schema.
  const document = SubjectAccessExportSchema.parse({
    exportedAt: context.now.toISOString(),
    referrals: referrals.map((referral) => toExportedReferral(referral, audit, queued, nameOf)),
    drafts: drafts.map((draft) => toJsonColumns(draft)),
  });
  await recordAudit(prisma, {
    actorId: context.staffId,
    action: "SUBJECT_ACCESS_EXPORTED",
    detail: { caseIds, drafts: drafts.length, by: "email" in query ? "email" : "reference" },
    ip: context.ip,
  });
  return document;
}

function toExportedReferral(
  referral: ReferralForExport,
  audit: Awaited<ReturnType<typeof findAuditEntriesForCases>>,
  emails: Awaited<ReturnType<typeof findEmailsForExport>>,
  nameOf: (id: string | null) => string | null,
): SubjectAccessExport["referrals"][number] {
  const { case: found, ...columns } = referral;
  return {
    reference: referral.reference,
    referral: toJsonColumns(columns),
    case: found
      ? {
          columns: toJsonColumns({ ...found, lead: undefined, events: undefined }),
          lead: found.lead?.name ?? null,
          timeline: found.events.map((event) => ({
            at: event.at.toISOString(),
            kind: event.kind,
            by: event.actorType === "staff" ? nameOf(event.actorId) : event.actorType,
            data: toJsonColumns({ data: event.data }).data ?? null,
          })),
          accessLog: audit
            .filter((entry) => entry.caseId === found.id)
            .map((entry) => ({ at: entry.at.toISOString(), action: entry.action, by: nameOf(entry.actorId) })),
        }
      : null,
    emails: emails
      .filter((email) => isAbout(email.payload, referral.reference))
      .map((email) => ({
        kind: email.kind,
        // A sent email's address is forgotten (outbox.repository.ts markSent).
        to: email.recipient === "" ? null : email.recipient,
        queuedAt: email.createdAt.toISOString(),
        sentAt: email.sentAt?.toISOString() ?? null,
        content: toJsonColumns({ payload: email.payload }).payload ?? null,
      })),
  };
}

function isAbout(payload: unknown, reference: string): boolean {
  return typeof payload === "object" && payload !== null && "reference" in payload && payload.reference === reference;
}

/** What an admin sees before confirming an erasure: the case's status and what will go. */
export async function previewErasure(prisma: PrismaClient, reference: string): Promise<ErasurePreview> {
  const referral = await findReferralForErasure(prisma, reference.trim().toUpperCase());
  if (!referral) throw new AppError("NOT_FOUND", "We hold no referral with that reference.");
  return {
    reference: referral.reference,
    submittedAt: referral.submittedAt.toISOString(),
    status: referral.case?.status ?? null,
    alreadyErased: referral.anonymisedAt !== null,
    timelineEvents: referral.case?._count.events ?? 0,
  };
}

/** An open case is withdrawn first, planned like the trainee's own withdrawal; a closed one stays. */
function planErasureWithdrawal(found: CaseForErasure, now: Date) {
  if (TERMINAL_CASE_STATUSES.includes(found.status)) return null;
  const decision = decideTransition({ from: found.status, to: "withdrawn", actor: "trainee" });
  if (!decision.ok) throw new AppError("CONFLICT", decision.message);
  return planCaseTransition(found, decision, now);
}

/**
 * Erases a trainee's personal data now, on their request: withdraws the case if it is still
 * open, anonymises it by the personal-data registry, deletes the saved drafts holding its email
 * address, and records DATA_ERASED with the reason's code, the request's ticket number (never
 * free text) and the number of drafts deleted, all in one transaction.
 */
export async function eraseOnRequest(
  prisma: PrismaClient,
  request: ErasureRequest,
  context: AdminContext,
): Promise<ErasureResult> {
  const reference = request.reference.trim().toUpperCase();
  const outcome = await eraseReferral(prisma, {
    reference,
    now: context.now,
    planWithdrawal: (found) => planErasureWithdrawal(found, context.now),
    actorId: context.staffId,
    audit: ({ caseId, withdrewFrom, draftsDeleted }) => ({
      actorId: context.staffId,
      action: "DATA_ERASED",
      caseId,
      detail: { reason: request.reason, ticket: request.ticket, withdrewFrom, draftsDeleted },
      ip: context.ip,
    }),
  });
  if (outcome.kind === "not_found") throw new AppError("NOT_FOUND", "We hold no referral with that reference.");
  if (outcome.kind === "already_erased") throw new AppError("CONFLICT", "This trainee's data has already been erased.");
  return { reference, erasedAt: context.now.toISOString(), withdrawn: outcome.withdrewFrom !== null };
}
