import { type CaseStatus, decideTransition, type SubjectAccessRequest, TERMINAL_CASE_STATUSES } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import { recordAudit } from "../audit/audit.repository";
import { anonymiseReferral } from "./anonymise";

export interface AdminContext {
  staffId: string;
  ip: string | null;
  now: Date;
}

const NOT_FOUND_MESSAGE = "We hold no referral for that trainee.";

/**
 * Everything held about a trainee: each referral with that email address (or the one with that
 * reference), its case, timeline, the emails queued or sent, and the audit entries about the
 * case with staff names. Records SUBJECT_ACCESS_EXPORTED (case ids only, never the email).
 */
export async function exportSubjectData(prisma: PrismaClient, query: SubjectAccessRequest, context: AdminContext) {
  const where =
    "email" in query
      ? { email: query.email.trim().toLowerCase(), anonymisedAt: null }
      : { reference: query.reference.trim().toUpperCase() };
  const referrals = await prisma.referral.findMany({
    where,
    orderBy: { submittedAt: "asc" },
    include: {
      case: {
        include: {
          lead: { select: { name: true } },
          events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
        },
      },
    },
  });
  if (referrals.length === 0) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);

  const caseIds = referrals.flatMap((referral) => (referral.case ? [referral.case.id] : []));
  const references = referrals.map((referral) => referral.reference);
  const emails = [...new Set(referrals.map((referral) => referral.email).filter((email) => email !== ""))];
  const [audit, outbox, staff] = await Promise.all([
    prisma.auditEntry.findMany({ where: { caseId: { in: caseIds } }, orderBy: { id: "asc" } }),
    prisma.$queryRaw<
      {
        id: bigint;
        kind: string;
        recipient: string;
        payload: unknown;
        created_at: Date;
        sent_at: Date | null;
        reference: string | null;
      }[]
    >`SELECT id, kind, recipient, payload, created_at, sent_at, payload->>'reference' AS reference
      FROM outbox_messages
      WHERE payload->>'reference' = ANY(${references}::text[]) OR lower(recipient) = ANY(${emails}::text[])
      ORDER BY id`,
    prisma.staffMember.findMany({ select: { id: true, name: true } }),
  ]);
  const staffName = new Map(staff.map((member) => [member.id, member.name]));
  const nameOf = (id: string | null) => (id ? (staffName.get(id) ?? "Unknown member of staff") : null);

  const document = {
    exportedAt: context.now.toISOString(),
    referrals: referrals.map((referral) => ({
      reference: referral.reference,
      submittedAt: referral.submittedAt.toISOString(),
      anonymisedAt: referral.anonymisedAt?.toISOString() ?? null,
      eligibility: referral.eligibility,
      verdict: referral.verdict,
      region: referral.region,
      profession: referral.profession,
      services: referral.services,
      details: {
        fullName: referral.fullName,
        email: referral.email,
        phone: referral.phone,
        preferredContact: referral.preferredContact,
        safeContactTimes: referral.safeContactTimes,
        register: referral.registerName,
        registrationNumber: referral.registrationNumber,
        programme: referral.programme,
        grade: referral.grade,
        employer: referral.employer,
        workPattern: referral.workPattern,
      },
      story: {
        whatIsHappening: referral.whatIsHappening,
        whatHasBeenTried: referral.whatHasBeenTried,
        whatWouldHelp: referral.whatWouldHelp,
        howSoon: referral.howSoon,
        accessNeeds: referral.accessNeeds,
      },
      consentsToSupervisorContact: referral.consentsToSupervisorContact,
      case: referral.case
        ? {
            status: referral.case.status,
            urgency: referral.case.urgency,
            openedAt: referral.case.openedAt.toISOString(),
            closedAt: referral.case.closedAt?.toISOString() ?? null,
            outcome: referral.case.outcome,
            lead: referral.case.lead?.name ?? null,
            safetyConcern: referral.case.safetyConcern,
            timeline: referral.case.events.map((event) => ({
              at: event.at.toISOString(),
              kind: event.kind,
              by: event.actorType === "staff" ? nameOf(event.actorId) : event.actorType,
              data: event.data,
            })),
            accessLog: audit
              .filter((entry) => entry.caseId === referral.case?.id)
              .map((entry) => ({ at: entry.at.toISOString(), action: entry.action, by: nameOf(entry.actorId) })),
          }
        : null,
      emails: outbox
        .filter((message) => message.reference === referral.reference)
        .map((message) => ({
          kind: message.kind,
          to: message.recipient,
          queuedAt: message.created_at.toISOString(),
          sentAt: message.sent_at?.toISOString() ?? null,
          content: message.payload,
        })),
    })),
  };
  await recordAudit(prisma, {
    actorId: context.staffId,
    action: "SUBJECT_ACCESS_EXPORTED",
    detail: { caseIds, by: "email" in query ? "email" : "reference" },
    ip: context.ip,
  });
  return document;
}

/** What an admin sees before confirming an erasure: the case's status and what will go. */
export async function previewErasure(prisma: PrismaClient, reference: string) {
  const referral = await prisma.referral.findUnique({
    where: { reference: reference.trim().toUpperCase() },
    select: {
      reference: true,
      submittedAt: true,
      anonymisedAt: true,
      case: { select: { status: true, _count: { select: { events: true } } } },
    },
  });
  if (!referral) throw new AppError("NOT_FOUND", "We hold no referral with that reference.");
  return {
    reference: referral.reference,
    submittedAt: referral.submittedAt.toISOString(),
    status: referral.case?.status ?? null,
    alreadyErased: referral.anonymisedAt !== null,
    timelineEvents: referral.case?._count.events ?? 0,
  };
}

/**
 * Erases a trainee's personal data now, on their request: withdraws the case first if it is
 * still open (a status_changed event, version + 1, as the trainee's own withdrawal), then the
 * same anonymisation as the retention job, then DATA_ERASED in the audit log, all in one
 * transaction. The referral row is locked first, so a second erasure of the same case waits
 * and then finds it done (409), never half-written.
 */
export async function eraseOnRequest(
  prisma: PrismaClient,
  request: { reference: string; reason: string },
  context: AdminContext,
) {
  const reference = request.reference.trim().toUpperCase();
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; anonymised_at: Date | null }[]>`
      SELECT id::text AS id, anonymised_at FROM referrals WHERE reference = ${reference} FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new AppError("NOT_FOUND", "We hold no referral with that reference.");
    if (row.anonymised_at) throw new AppError("CONFLICT", "This trainee's data has already been erased.");
    const found = await tx.case.findUnique({ where: { referralId: row.id }, select: { id: true, status: true } });
    let withdrewFrom: string | null = null;
    if (found && !TERMINAL_CASE_STATUSES.includes(found.status as CaseStatus)) {
      const decision = decideTransition({ from: found.status as CaseStatus, to: "withdrawn", actor: "trainee" });
      if (!decision.ok) throw new AppError("CONFLICT", decision.message);
      await tx.case.update({
        where: { id: found.id },
        data: {
          status: "withdrawn",
          version: { increment: 1 },
          closedAt: context.now,
          updatedAt: context.now,
          resumeTo: null,
          pausedSince: null,
        },
        select: { id: true },
      });
      await tx.caseEvent.create({
        data: {
          caseId: found.id,
          at: context.now,
          actorType: "staff",
          actorId: context.staffId,
          kind: "status_changed",
          data: { from: found.status, to: "withdrawn" },
        },
        select: { id: true },
      });
      withdrewFrom = found.status;
    }
    await anonymiseReferral(tx, row.id, "erasure", context.now);
    await recordAudit(tx, {
      actorId: context.staffId,
      action: "DATA_ERASED",
      caseId: found?.id ?? null,
      detail: { reason: request.reason.trim(), withdrewFrom },
      ip: context.ip,
    });
    return { reference, erasedAt: context.now.toISOString(), withdrawn: withdrewFrom !== null };
  });
}
