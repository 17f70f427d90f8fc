import { createHash, randomInt } from "node:crypto";
import {
  computeDraftExpiry,
  DRAFT_LIFETIME_TEXT,
  REFERENCE_ALPHABET,
  ReferralDraftSchema,
  type ResumedDraft,
  type SaveDraftRequest,
  type SavedDraft,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import type { KeyedHash } from "../../security/server-secret";
import { ANONYMOUS_LIMITS, EVERYONE } from "../rate-limit/anonymous-limits";
import { enforceAnonymousLimit } from "../rate-limit/rate-limit.service";
import {
  createDraft,
  deleteDraftIfExpired,
  deleteDraftsExpiredBy,
  findLiveDraft,
  rekeyLiveDraft,
  updateLiveDraft,
} from "./drafts.repository";

const RESUME_CODE_LENGTH = 12;

// A resume code has 29^12 (about 2^58) values, so guessing is hopeless at the resume limit; the
// save limits (anonymous-limits.ts) stop one client, or many together, filling the table.

// One answer for unknown and expired codes, so a code's history is never revealed.
const NOT_FOUND_MESSAGE = `We could not find saved answers for that code. Check the code, or start again: saved answers are kept ${DRAFT_LIFETIME_TEXT}.`;
const TOO_MANY_RESUMES_MESSAGE = "Too many attempts with resume codes. Wait 15 minutes, then try again.";
const TOO_MANY_SAVES_MESSAGE = "Too many saves from this connection. Wait 15 minutes, then try again.";
const TOO_MANY_NEW_DRAFTS_MESSAGE =
  "We cannot save new answers for later just now. Wait an hour, then try again, or send your referral now.";

/** A new resume code: 12 characters from the reference alphabet, chosen by a CSPRNG. */
export function generateResumeCode(): string {
  return Array.from({ length: RESUME_CODE_LENGTH }, () =>
    REFERENCE_ALPHABET.charAt(randomInt(REFERENCE_ALPHABET.length)),
  ).join("");
}

/** XXXXXXXXXXXX -> XXXX-XXXX-XXXX, easier to read out and copy. */
export function formatResumeCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * What is stored instead of the code: a keyed hash, so a copy of the table is useless without
 * the server secret, on top of the code's 58 bits of randomness.
 */
export function hashResumeCode(keyedHash: KeyedHash, code: string): string {
  return keyedHash("draft-resume-code", code);
}

/**
 * The hash drafts saved before the server secret were stored under (plain SHA-256). Such a
 * draft is moved to the keyed hash the first time its code is used; none is left once the
 * last of them expires, 30 days after the release that keyed the hash: then remove this.
 */
function hashResumeCodeUnkeyed(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

/**
 * The keyed hash a code's draft is stored under, after moving a draft saved under the old
 * unkeyed hash to it (one extra query, only when no draft has the keyed hash).
 */
async function findResumeCodeHash(
  prisma: PrismaClient,
  keyedHash: KeyedHash,
  code: string,
  now: Date,
): Promise<string> {
  const resumeCodeHash = hashResumeCode(keyedHash, code);
  await deleteDraftIfExpired(prisma, resumeCodeHash, now);
  if (await findLiveDraft(prisma, resumeCodeHash, now)) return resumeCodeHash;
  await rekeyLiveDraft(prisma, { from: hashResumeCodeUnkeyed(code), to: resumeCodeHash, now });
  return resumeCodeHash;
}

export interface SaveDraftInput {
  request: SaveDraftRequest;
  ip: string;
  now: Date;
  keyedHash: KeyedHash;
}

/**
 * Saves the wizard's answers. Without a code it starts a draft with a new code; with one it
 * replaces that draft's answers and keeps it another 7 days, but never past 30 days from its
 * first save (draft-lifetime.ts). An unknown or expired code is a NOT_FOUND: the caller must
 * start a new draft knowingly, not be handed someone else's.
 */
export async function saveDraft(
  prisma: PrismaClient,
  input: SaveDraftInput,
): Promise<{ draft: SavedDraft; created: boolean }> {
  const { request, ip, now, keyedHash } = input;
  await enforceAnonymousLimit(prisma, input, ANONYMOUS_LIMITS.draftSavePerIp, ip, TOO_MANY_SAVES_MESSAGE);
  if (request.resumeCode === undefined) {
    await enforceAnonymousLimit(
      prisma,
      input,
      ANONYMOUS_LIMITS.draftCreateOverall,
      EVERYONE,
      TOO_MANY_NEW_DRAFTS_MESSAGE,
    );
    const code = generateResumeCode();
    const saved = await createDraft(prisma, {
      resumeCodeHash: hashResumeCode(keyedHash, code),
      data: request.data,
      now,
      expiresAt: computeDraftExpiry(now, now),
    });
    return { draft: { resumeCode: formatResumeCode(code), expiresAt: saved.expiresAt.toISOString() }, created: true };
  }

  const resumeCodeHash = await findResumeCodeHash(prisma, keyedHash, request.resumeCode, now);
  const existing = await findLiveDraft(prisma, resumeCodeHash, now);
  if (!existing) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  // Counted from the first save, which no later save moves (created_at is never updated).
  const expiresAt = computeDraftExpiry(existing.createdAt, now);
  // False when the draft went in between (submitted, erased or cleaned up).
  if (!(await updateLiveDraft(prisma, { resumeCodeHash, data: request.data, now, expiresAt }))) {
    throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  }
  return {
    draft: { resumeCode: formatResumeCode(request.resumeCode), expiresAt: expiresAt.toISOString() },
    created: false,
  };
}

/** The answers saved under a resume code (already tidied to 12 characters by the schema). */
export async function resumeDraft(
  prisma: PrismaClient,
  input: { resumeCode: string; ip: string; now: Date; keyedHash: KeyedHash },
): Promise<ResumedDraft> {
  const { resumeCode, ip, now, keyedHash } = input;
  await enforceAnonymousLimit(prisma, input, ANONYMOUS_LIMITS.draftResumePerIp, ip, TOO_MANY_RESUMES_MESSAGE);
  const resumeCodeHash = await findResumeCodeHash(prisma, keyedHash, resumeCode, now);
  const draft = await findLiveDraft(prisma, resumeCodeHash, now);
  if (!draft) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return { data: ReferralDraftSchema.parse(draft.data), expiresAt: draft.expiresAt.toISOString() };
}

/** Deletes every expired draft (past its expiry or 30 days old), for a scheduled clean-up; returns how many went. */
export async function deleteExpiredDrafts(prisma: PrismaClient, now: Date): Promise<number> {
  return deleteDraftsExpiredBy(prisma, now);
}
