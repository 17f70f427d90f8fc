import type { Prisma } from "@psu/prisma";

// The one list of where trainee data lives: every column of every table that holds it, with
// what anonymisation does to it. Typed by Prisma's own column lists, so a column added to one of
// these tables without a class here does not compile. Anonymisation (anonymise.ts), the subject
// access export and the canary test read it; docs/data-protection.md explains the classes.

/**
 * - `kept`: not personal (ids, dates, codes, statuses, flags): kept after anonymisation for the
 *   reports and the audit trail.
 * - `blank` / `null`: personal; anonymisation writes '' (a required column) or null.
 * - `{ keepKeys }`: JSON holding both: only these keys survive anonymisation.
 */
export type ColumnClass = "kept" | "blank" | "null" | { keepKeys: readonly string[] };

/**
 * What happens to a table's rows: `anonymise` blanks the personal columns and keeps the row;
 * `delete` removes the rows about the referral; `expire` rows are not linked to any referral
 * (the trainee reaches them with a secret they hold; subject access and erasure find them by
 * the email address in them) and are deleted when they expire, when the referral made from
 * them is submitted, or on erasure.
 */
export type RowHandling = "anonymise" | "delete" | "expire";

interface TableClasses<Column extends string> {
  table: string;
  rows: RowHandling;
  columns: Readonly<Record<Column, ColumnClass>>;
}

/** Eligibility answers kept: who made the referral, the region and the professional group. */
const KEPT_ELIGIBILITY_KEYS = ["referrer", "region", "group"] as const;

/**
 * Keys of a timeline event's `data` that are kept: statuses, outcomes, flags, ids, channels and
 * dates. Everything else (a note's `text`, a `reason` typed by staff or the trainee) is removed.
 */
const KEPT_EVENT_KEYS = [
  "from",
  "to",
  "status",
  "outcome",
  "flagged",
  "leadId",
  "previousLeadId",
  "overrides",
  "contactedAt",
  "channel",
] as const;

export const REFERRAL_COLUMNS: TableClasses<Prisma.ReferralScalarFieldEnum> = {
  table: "referrals",
  rows: "anonymise",
  columns: {
    id: "kept",
    reference: "kept",
    submittedAt: "kept",
    channel: "kept",
    eligibility: { keepKeys: KEPT_ELIGIBILITY_KEYS },
    // The verdict holds the rule's codes and fixed messages; an eligible verdict has no reasons.
    verdict: "kept",
    region: "kept",
    profession: "kept",
    services: "kept",
    fullName: "blank",
    email: "null",
    phone: "blank",
    preferredContact: "kept",
    safeContactTimes: "null",
    registerName: "kept",
    registrationNumber: "null",
    programme: "blank",
    grade: "blank",
    employer: "blank",
    workPattern: "kept",
    whatIsHappening: "blank",
    whatHasBeenTried: "null",
    whatWouldHelp: "null",
    howSoon: "kept",
    accessNeeds: "null",
    consentsToSupervisorContact: "kept",
    anonymisedAt: "kept",
    anonymisedReason: "kept",
  },
};

export const CASE_COLUMNS: TableClasses<Prisma.CaseScalarFieldEnum> = {
  table: "cases",
  rows: "anonymise",
  columns: {
    id: "kept",
    referralId: "kept",
    status: "kept",
    version: "kept",
    urgency: "kept",
    openedAt: "kept",
    updatedAt: "kept",
    closedAt: "kept",
    outcome: "kept",
    leadId: "kept",
    allocatedAt: "kept",
    firstContactAt: "kept",
    triagedAt: "kept",
    resumeTo: "kept",
    pausedSince: "kept",
    pauses: "kept",
    safetyConcern: "kept",
  },
};

/** The timeline, internal notes included (a note is an event whose `text` is removed). */
export const CASE_EVENT_COLUMNS: TableClasses<Prisma.CaseEventScalarFieldEnum> = {
  table: "case_events",
  rows: "anonymise",
  columns: {
    id: "kept",
    caseId: "kept",
    at: "kept",
    actorType: "kept",
    actorId: "kept",
    kind: "kept",
    data: { keepKeys: KEPT_EVENT_KEYS },
  },
};

/** Emails: the address is cleared once sent; the rows about a referral go when it is anonymised. */
export const OUTBOX_COLUMNS: TableClasses<Prisma.OutboxMessageScalarFieldEnum> = {
  table: "outbox_messages",
  rows: "delete",
  columns: {
    id: "kept",
    kind: "kept",
    recipient: "blank",
    // The reference and dates only (email-templates.ts).
    payload: "kept",
    createdAt: "kept",
    availableAt: "kept",
    attempts: "kept",
    sentAt: "kept",
    lastError: "kept",
    // The sending service's id for the message (no address in it).
    deliveryId: "kept",
    // When the outbox gave up on the message (no address in it).
    failedAt: "kept",
  },
};

/** A hash of the submitted body and the receipt: deleted with the referral's personal data. */
export const IDEMPOTENCY_KEY_COLUMNS: TableClasses<Prisma.IdempotencyKeyScalarFieldEnum> = {
  table: "idempotency_keys",
  rows: "delete",
  columns: {
    key: "kept",
    requestHash: "null",
    referralId: "kept",
    response: "kept",
    createdAt: "kept",
  },
};

/**
 * Saved answers: the trainee finds them by the hash of a resume code they hold. Deleted at expiry
 * (7 days after the last save, at most 30 after the first), when the referral made from them is
 * submitted, and on erasure of a referral with the same email address.
 */
export const DRAFT_COLUMNS: TableClasses<Prisma.ReferralDraftScalarFieldEnum> = {
  table: "referral_drafts",
  rows: "expire",
  columns: {
    id: "kept",
    resumeCodeHash: "kept",
    data: "null",
    createdAt: "kept",
    updatedAt: "kept",
    expiresAt: "kept",
  },
};

/**
 * Where in a draft's `data` the trainee's email address is, as typed: how subject access and
 * erasure find the drafts of a trainee (compared trimmed and in lower case).
 */
export const DRAFT_EMAIL_PATH = ["details", "personalEmail"] as const;

/** Every table that holds trainee data. */
export const PERSONAL_DATA_TABLES = [
  REFERRAL_COLUMNS,
  CASE_COLUMNS,
  CASE_EVENT_COLUMNS,
  OUTBOX_COLUMNS,
  IDEMPOTENCY_KEY_COLUMNS,
  DRAFT_COLUMNS,
] as const;

/** A registry column's name in PostgreSQL: every model maps camelCase fields to snake_case. */
export function toDatabaseColumn(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The columns of a table in one class. */
export function listColumns<Column extends string>(
  classes: TableClasses<Column>,
  wanted: "blank" | "null" | "kept",
): Column[] {
  return Object.entries<ColumnClass>(classes.columns).flatMap(([column, handling]) =>
    handling === wanted ? [column as Column] : [],
  );
}
