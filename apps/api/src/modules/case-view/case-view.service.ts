import {
  type BreakGlassRequest,
  CASE_NOT_FOUND_MESSAGE,
  type CaseDetail,
  CaseDetailSchema,
  CaseStatusSchema,
  canSeeCase,
  collectPauses,
  computeFirstContactClock,
  computeTriageClock,
  listAllowedTransitions,
  type StaffProfile,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { z } from "zod";
import { AppError } from "../../errors/app-error";
import { recordAudit } from "../audit/audit.repository";
import { findStaffNames } from "../staff-admin/staff-admin.repository";
import { type CaseForView, findCaseForView } from "./case-view.repository";
import { describeEvent } from "./describe-event";

export interface ViewCaseInput {
  caseId: string;
  staff: StaffProfile;
  ip: string;
  now: Date;
}

// Need-to-know: a case that is not theirs and a case that does not exist look the same to a lead.

const StaffIdSchema = z.uuid();
const NoteDataSchema = z.object({ text: z.string() });
// Event data fields that name members of staff (assignments name the lead, and the one before).
const StaffIdFieldsSchema = z.object({ leadId: z.unknown(), previousLeadId: z.unknown() }).partial();

/**
 * A case as staff see it. Coordinators see every case; a lead sees only a case allocated to
 * them (admins never reach here: their route is the break-glass read). Every read is written to
 * the audit log before the case is returned, and every refusal too; if the log cannot be
 * written, nothing is returned.
 */
export async function viewCase(prisma: PrismaClient, input: ViewCaseInput): Promise<CaseDetail> {
  const { caseId, staff, ip, now } = input;
  const found = await findCaseForView(prisma, caseId);
  const allowed = found !== null && canSeeCase(staff, found);

  if (!found || !allowed) {
    if (staff.role === "lead") {
      await recordAudit(prisma, {
        actorId: staff.id,
        action: "CASE_VIEW_REFUSED",
        caseId,
        detail: { reason: found ? "NOT_OWN_CASE" : "NO_SUCH_CASE" },
        ip,
      });
    }
    throw new AppError("NOT_FOUND", CASE_NOT_FOUND_MESSAGE);
  }

  // The names and the audit entry do not depend on each other: one wait for the database, not
  // two. The entry is written, or its failure thrown, before anything is returned.
  const [names] = await Promise.all([
    findStaffNames(prisma, collectStaffIds(found)),
    recordAudit(prisma, { actorId: staff.id, action: "CASE_VIEWED", caseId, ip }),
  ]);
  return toCaseDetail(found, staff, names, now);
}

export interface BreakGlassViewInput extends ViewCaseInput {
  reason: BreakGlassRequest;
}

/**
 * A break-glass read (decision record 017): an admin, who has no routine access to case
 * content, reads one case for the reason given. The read is written to the audit log with its
 * own action and the reason before the case is returned; nothing can be changed from it.
 */
export async function viewCaseByBreakGlass(prisma: PrismaClient, input: BreakGlassViewInput): Promise<CaseDetail> {
  const { caseId, staff, ip, now, reason } = input;
  const found = await findCaseForView(prisma, caseId);
  if (!found) throw new AppError("NOT_FOUND", "There is no case with that id.");

  const [names] = await Promise.all([
    findStaffNames(prisma, collectStaffIds(found)),
    recordAudit(prisma, {
      actorId: staff.id,
      action: "CASE_BREAK_GLASS_VIEWED",
      caseId,
      detail: { reasonCode: reason.reasonCode, reason: reason.detail },
      ip,
    }),
  ]);
  return toCaseDetail(found, staff, names, now);
}

function collectStaffIds(found: CaseForView): string[] {
  const ids = new Set<string>();
  for (const event of found.events) {
    const parsed = StaffIdFieldsSchema.safeParse(event.data);
    const fields = parsed.success ? parsed.data : {};
    const candidates = [event.actorId, fields.leadId, fields.previousLeadId];
    for (const candidate of candidates) {
      if (StaffIdSchema.safeParse(candidate).success) ids.add(String(candidate));
    }
  }
  return [...ids];
}

function toCaseDetail(found: CaseForView, staff: StaffProfile, names: Map<string, string>, now: Date): CaseDetail {
  const status = CaseStatusSchema.parse(found.status);
  const facts = { ...found, status };
  const pauses = collectPauses(facts);
  const resumeTo = found.resumeTo === null ? null : CaseStatusSchema.parse(found.resumeTo);
  const isOwnCase = found.leadId === staff.id;

  const actorName = (actorId: string | null) => (actorId ? (names.get(actorId) ?? null) : null);
  const notes = found.events.flatMap((event) => {
    if (event.kind !== "note_added") return [];
    const note = NoteDataSchema.safeParse(event.data);
    if (!note.success || !event.actorId) return [];
    const author = { id: event.actorId, name: actorName(event.actorId) ?? "Unknown member of staff" };
    return [{ at: event.at.toISOString(), author, text: note.data.text }];
  });

  // Parsed against the contract: the response schema would refuse anything else anyway, and
  // failing here names the field.
  return CaseDetailSchema.parse({
    caseId: found.id,
    reference: found.referral.reference,
    status,
    version: found.version,
    urgency: found.urgency,
    openedAt: found.openedAt.toISOString(),
    lead: found.lead,
    safetyConcern: found.safetyConcern,
    outcome: found.outcome,
    resumeTo,
    sla: {
      triage: computeTriageClock(facts, now, pauses),
      firstContact: computeFirstContactClock(facts, now, pauses),
    },
    referral: {
      ...found.referral,
      submittedAt: found.referral.submittedAt.toISOString(),
      anonymisedAt: found.referral.anonymisedAt?.toISOString() ?? null,
    },
    timeline: found.events.map((event) => ({
      at: event.at.toISOString(),
      actor: { type: event.actorType, name: actorName(event.actorId) },
      kind: event.kind,
      summary: describeEvent(event.kind, event.data, names),
    })),
    notes,
    allowedTransitions: listAllowedTransitions(status, staff.role, isOwnCase, resumeTo).map((rule) => ({
      to: rule.to,
      needsReason: rule.needsReason,
      needsOutcome: rule.needsOutcome,
    })),
  });
}
