import {
  type AddNoteRequestSchema,
  ALLOCATABLE_CASE_STATUSES,
  type AssignRequestSchema,
  CASE_NOT_FOUND_MESSAGE,
  CASE_STATUS_LABELS,
  type CaseActor,
  type CaseChangedSchema,
  type CaseForSuggestion,
  type CaseStatus,
  CaseStatusSchema,
  type CaseTransitionDecision,
  type CaseTransitionPlan,
  type CaseWriteRefusal,
  type ChangeStatusRequestSchema,
  type ClosedPause,
  ClosedPausesSchema,
  canSeeCase,
  decideTransition,
  type FirstContactRequestSchema,
  findCaseWriteRefusal,
  type LeadForSuggestion,
  LeadKindSchema,
  listOverriddenReasons,
  listRequestedLeadKinds,
  planCaseTransition,
  planReallocation,
  type SafetyFlagRequestSchema,
  type StaffProfile,
  type SuggestionListSchema,
  suggestLeads,
  type TraineeEmailKind,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { z } from "zod";
import { AppError } from "../../errors/app-error";
import { recordAudit } from "../audit/audit.repository";
import type { TraineeEmailMessage } from "../outbox/outbox.repository";
import { findStaffNames } from "../staff-admin/staff-admin.repository";
import {
  applyCaseChangeIfUnchanged,
  type CaseChange,
  type CaseForChange,
  findCaseForChange,
  findLatestCaseEvent,
  findLeadsForSuggestion,
  findPreviousLeadIds,
  type LeadRecord,
} from "./case-changes.repository";
import { describeStaleCase } from "./stale-case-message";

type CaseChanged = z.infer<typeof CaseChangedSchema>;
type SuggestionList = z.infer<typeof SuggestionListSchema>;

/** Who is changing which case, based on which version, from where and when. */
export interface CaseChangeContext {
  caseId: string;
  expectedVersion: number;
  staff: StaffProfile;
  ip: string;
  now: Date;
}

/** The case as loaded, with its stored strings read back into the domain's types. */
interface LoadedCase extends Omit<CaseForChange, "status" | "resumeTo" | "pauses"> {
  status: CaseStatus;
  resumeTo: CaseStatus | null;
  pauses: ClosedPause[];
}

function isOwnCase(staff: StaffProfile, loaded: { leadId: string | null }): boolean {
  return loaded.leadId === staff.id;
}

/** Staff roles are the state machine's actors of the same name. */
function toActor(staff: StaffProfile): CaseActor {
  return staff.role;
}

function label(status: CaseStatus): string {
  return CASE_STATUS_LABELS[status].toLowerCase();
}

/** The 412 for a change based on an old version, saying who changed the case and what they did. */
async function buildStaleCaseError(prisma: PrismaClient, caseId: string, now: Date): Promise<AppError> {
  const latest = await findLatestCaseEvent(prisma, caseId);
  const data = latest?.data && typeof latest.data === "object" && !Array.isArray(latest.data) ? latest.data : {};
  // The people the event names: who acted, and for an allocation the leads involved.
  const staffIds = [latest?.actorId, data.leadId, data.previousLeadId].filter(
    (id): id is string => typeof id === "string" && z.uuid().safeParse(id).success,
  );
  const names = await findStaffNames(prisma, staffIds);
  return new AppError("PRECONDITION_FAILED", describeStaleCase(latest && { ...latest, data }, names, now));
}

/** The 409 for any change to a case whose personal data was removed. */
function toWriteRefusalError(refusal: CaseWriteRefusal): AppError {
  return new AppError("CONFLICT", refusal.message);
}

/**
 * Loads the case a change is about. A lead asking about a case that is not theirs gets the
 * same 404 as for a case that does not exist; a case whose personal data was removed is 409
 * for every change; a change based on an old version gets the 412.
 */
async function loadCase(prisma: PrismaClient, context: CaseChangeContext): Promise<LoadedCase> {
  const found = await findCaseForChange(prisma, context.caseId);
  if (!found || !canSeeCase(context.staff, found)) {
    throw new AppError("NOT_FOUND", CASE_NOT_FOUND_MESSAGE);
  }
  const refusal = findCaseWriteRefusal(found.referral);
  if (refusal) throw toWriteRefusalError(refusal);
  if (found.version !== context.expectedVersion) throw await buildStaleCaseError(prisma, found.id, context.now);
  return {
    ...found,
    status: CaseStatusSchema.parse(found.status),
    resumeTo: found.resumeTo === null ? null : CaseStatusSchema.parse(found.resumeTo),
    pauses: ClosedPausesSchema.parse(found.pauses),
  };
}

/**
 * Addresses the email a plan sends the trainee; none when they gave no address or their
 * details were removed (anonymised referrals keep an empty address).
 */
function addressTraineeEmail(loaded: LoadedCase, kind: TraineeEmailKind | null): TraineeEmailMessage | null {
  const recipient = loaded.referral.email;
  if (kind === null || !recipient) return null;
  return { kind, recipient, reference: loaded.referral.reference };
}

/** A change planned from the loaded case: what it writes, its audit entry, and the status it leaves the case in. */
interface PlannedChange extends Pick<CaseChange, "set" | "event" | "traineeEmail"> {
  /** The request's address is added when the change is written. */
  audit: Omit<CaseChange["audit"], "ip">;
  status: CaseStatus;
}

/** Carries out a planned transition: its columns, its event and its email, with the audit entry. */
function fromPlan(
  loaded: LoadedCase,
  plan: CaseTransitionPlan,
  audit: PlannedChange["audit"],
  status: CaseStatus,
): PlannedChange {
  return {
    set: plan.set,
    event: plan.event,
    audit,
    traineeEmail: addressTraineeEmail(loaded, plan.traineeEmail),
    status,
  };
}

/** Writes the change if the case is still at the expected version; 412 otherwise. */
async function commit(
  prisma: PrismaClient,
  context: CaseChangeContext,
  { status, audit, ...change }: PlannedChange,
): Promise<CaseChanged> {
  const outcome = await applyCaseChangeIfUnchanged(prisma, {
    ...change,
    audit: { ...audit, ip: context.ip },
    caseId: context.caseId,
    expectedVersion: context.expectedVersion,
    now: context.now,
    actorId: context.staff.id,
  });
  switch (outcome.kind) {
    case "applied":
      return { caseId: context.caseId, version: outcome.version, status };
    case "stale":
      throw await buildStaleCaseError(prisma, context.caseId, context.now);
    case "anonymised":
      // The personal data was removed between loading the case and writing the change.
      throw toWriteRefusalError(findCaseWriteRefusal(outcome));
  }
}

/** A refused transition as an error: a missing reason or outcome names its field, the rest are 409. */
function toTransitionError(decision: Extract<CaseTransitionDecision, { ok: false }>): AppError {
  if (decision.code === "REASON_REQUIRED" || decision.code === "OUTCOME_REQUIRED") {
    const field = decision.code === "REASON_REQUIRED" ? "reason" : "outcome";
    return new AppError("VALIDATION_FAILED", decision.message, [{ field, message: decision.message }]);
  }
  return new AppError("CONFLICT", `${decision.message} (${decision.code})`);
}

function decideOrThrow(attempt: Parameters<typeof decideTransition>[0]) {
  const decision = decideTransition(attempt);
  if (!decision.ok) throw toTransitionError(decision);
  return decision;
}

interface ChangeInput<Request> {
  prisma: PrismaClient;
  context: CaseChangeContext;
  loaded: LoadedCase;
  request: Request;
}

/**
 * A change to a case as every change runs: load the case (404, 409 or 412 as `loadCase` says),
 * plan the change from it, and write it only if the case is still at the version it was based on.
 */
function defineCaseChange<Request>(
  plan: (input: ChangeInput<Request>) => PlannedChange | Promise<PlannedChange>,
): (prisma: PrismaClient, context: CaseChangeContext, request: Request) => Promise<CaseChanged> {
  return async (prisma, context, request) => {
    const loaded = await loadCase(prisma, context);
    return commit(prisma, context, await plan({ prisma, context, loaded, request }));
  };
}

/** Moves a case through the state machine (coordinators, the case's lead, admins per the table). */
export const changeCaseStatus = defineCaseChange<z.infer<typeof ChangeStatusRequestSchema>>(
  ({ context, loaded, request }) => {
    const decision = decideOrThrow({
      from: loaded.status,
      to: request.to,
      actor: toActor(context.staff),
      isOwnCase: isOwnCase(context.staff, loaded),
      reason: request.reason ?? null,
      outcome: request.outcome ?? null,
      resumeTo: loaded.resumeTo,
    });
    // The table lets a coordinator move triage to allocated, but an allocated case needs a lead:
    // that move is made by choosing one (POST .../assign).
    if (decision.status === "allocated" && loaded.leadId === null) {
      throw new AppError("CONFLICT", "Allocate this case by choosing a lead for it.");
    }
    const plan = planCaseTransition(loaded, decision, context.now);
    return fromPlan(
      loaded,
      plan,
      {
        action: "CASE_STATUS_CHANGED",
        detail: { from: decision.from, to: decision.status, outcome: decision.outcome },
      },
      decision.status,
    );
  },
);

/** Adds an internal note to the timeline (coordinators and the case's lead). */
export const addCaseNote = defineCaseChange<z.infer<typeof AddNoteRequestSchema>>(({ loaded, request }) => ({
  set: {},
  event: { kind: "note_added", data: { text: request.text } },
  // Never the note's text: the audit log outlives case data and is read by admins.
  audit: { action: "CASE_NOTE_ADDED", detail: {} },
  status: loaded.status,
}));

/** Raises or clears the safety-concern flag, saying why (coordinators and the case's lead). */
export const setSafetyFlag = defineCaseChange<z.infer<typeof SafetyFlagRequestSchema>>(({ loaded, request }) => {
  if (loaded.safetyConcern === request.flagged) {
    throw new AppError(
      "CONFLICT",
      request.flagged ? "This case is already flagged as a safety concern." : "This case is not flagged.",
    );
  }
  return {
    set: { safetyConcern: request.flagged },
    event: { kind: "safety_flag_changed", data: { flagged: request.flagged, reason: request.reason } },
    audit: { action: "CASE_SAFETY_FLAG_CHANGED", detail: { flagged: request.flagged } },
    status: loaded.status,
  };
});

function toCaseForSuggestion(loaded: CaseForChange, previousLeadIds: string[]): CaseForSuggestion {
  return {
    leadKind: listRequestedLeadKinds(loaded.referral.services)[0] ?? "spoc",
    traineeTrust: loaded.referral.employer.trim() || null,
    previousLeadIds,
  };
}

function toLeadForSuggestion(lead: LeadRecord): LeadForSuggestion {
  // Kinds no longer in the catalogue cover nothing.
  const leadKinds = lead.leadKinds.flatMap((kind) => LeadKindSchema.safeParse(kind).data ?? []);
  return { ...lead, leadKinds };
}

/** Every active lead ranked for the case, with reasons (coordinators and admins). */
export async function suggestLeadsForCase(
  prisma: PrismaClient,
  context: Omit<CaseChangeContext, "expectedVersion">,
): Promise<SuggestionList> {
  const found = await findCaseForChange(prisma, context.caseId);
  if (!found) throw new AppError("NOT_FOUND", CASE_NOT_FOUND_MESSAGE);
  const [leads, previousLeadIds] = await Promise.all([
    findLeadsForSuggestion(prisma, "active_leads"),
    findPreviousLeadIds(prisma, found.referral.email),
  ]);
  const suggestions = suggestLeads(
    toCaseForSuggestion(found, previousLeadIds),
    leads.map(toLeadForSuggestion),
    context.now,
  );
  // The suggestions show the trainee's Trust (as a conflict of interest): a read of the case.
  await recordAudit(prisma, {
    actorId: context.staff.id,
    action: "CASE_SUGGESTIONS_VIEWED",
    caseId: found.id,
    detail: { version: found.version },
    ip: context.ip,
  });
  return { suggestions };
}

function leadFieldError(message: string): AppError {
  return new AppError("UNPROCESSABLE", message, [{ field: "leadId", message }]);
}

/**
 * Allocates a case to a lead (coordinators only). A new or triage case moves to allocated
 * through the state machine; an allocated case is re-allocated and keeps its status, with the
 * first-contact clock starting again for the new lead.
 *
 * The coordinator decides: a lead the suggestions mark ineligible (at capacity, on leave, a
 * same-Trust conflict) may still be chosen, and the overridden reasons are recorded on the
 * event and in the audit log. What cannot be overridden: the lead must be an active lead who
 * covers one of the referral services the trainee asked for.
 */
export const assignCase = defineCaseChange<z.infer<typeof AssignRequestSchema>>(
  async ({ prisma, context, loaded, request }) => {
    if (!ALLOCATABLE_CASE_STATUSES.includes(loaded.status)) {
      throw new AppError(
        "CONFLICT",
        `A case can be allocated only while it is new, in triage or allocated; this one is ${label(loaded.status)}.`,
      );
    }
    const [lead] = await findLeadsForSuggestion(prisma, { ids: [request.leadId] });
    if (lead?.role !== "lead" || !lead.active) throw leadFieldError("Choose an active lead.");
    if (loaded.status === "allocated" && loaded.leadId === lead.id) {
      throw new AppError("CONFLICT", `This case is already allocated to ${lead.name}.`);
    }
    const candidate = toLeadForSuggestion(lead);
    const kinds = listRequestedLeadKinds(loaded.referral.services);
    if (!candidate.leadKinds.some((kind) => kinds.includes(kind))) {
      throw leadFieldError(`${lead.name} does not cover the services this trainee asked for.`);
    }

    // new -> triage -> allocated, each step checked by the state machine.
    const steps: CaseStatus[] =
      loaded.status === "new" ? ["triage", "allocated"] : loaded.status === "triage" ? ["allocated"] : [];
    let from = loaded.status;
    for (const to of steps) {
      decideOrThrow({ from, to, actor: toActor(context.staff), isOwnCase: isOwnCase(context.staff, loaded) });
      from = to;
    }

    const [suggestion] = suggestLeads(toCaseForSuggestion(loaded, []), [candidate], context.now);
    const overrides = listOverriddenReasons(suggestion?.reasons ?? []);
    const cause = { kind: "assignment", leadId: lead.id, previousLeadId: loaded.leadId, overrides } as const;
    const plan =
      steps.length === 0
        ? planReallocation(loaded, cause, context.now)
        : planCaseTransition(
            loaded,
            { ok: true, from: loaded.status, status: "allocated", reason: null, outcome: null, resumeTo: null },
            context.now,
            cause,
          );
    return fromPlan(loaded, plan, { action: "CASE_ASSIGNED", detail: plan.event.data }, "allocated");
  },
);

/**
 * Records the first contact with the trainee (the case's lead, or a coordinator): allocated ->
 * first contact. `contactedAt` defaults to now; it may be earlier (recorded after the call) but
 * not in the future or before the allocation.
 */
export const recordFirstContact = defineCaseChange<z.infer<typeof FirstContactRequestSchema>>(
  ({ context, loaded, request }) => {
    const contactedAt = request.contactedAt ? new Date(request.contactedAt) : context.now;
    if (contactedAt > context.now) throw contactedAtError("The time of first contact cannot be in the future.");
    if (loaded.allocatedAt && contactedAt < loaded.allocatedAt) {
      throw contactedAtError("The time of first contact cannot be before the case was allocated.");
    }
    if (loaded.status !== "allocated") {
      throw new AppError(
        "CONFLICT",
        `First contact is recorded on an allocated case; this one is ${label(loaded.status)}.`,
      );
    }
    const decision = decideOrThrow({
      from: loaded.status,
      to: "first_contact",
      actor: toActor(context.staff),
      isOwnCase: isOwnCase(context.staff, loaded),
    });
    const plan = planCaseTransition(loaded, decision, context.now, { kind: "first_contact", contactedAt });
    return fromPlan(
      loaded,
      plan,
      { action: "CASE_FIRST_CONTACT_RECORDED", detail: { from: decision.from, to: decision.status } },
      decision.status,
    );
  },
);

function contactedAtError(message: string): AppError {
  return new AppError("VALIDATION_FAILED", message, [{ field: "contactedAt", message }]);
}
