import { createHash, randomInt } from "node:crypto";
import {
  REFERENCE_ALPHABET,
  ReferralDraftSchema,
  type ResumedDraft,
  type SaveDraftRequest,
  type SavedDraft,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { AppError } from "../../errors/app-error";
import { enforceRateLimits, type RateLimit, toRateLimitKey } from "../rate-limit/rate-limit.service";
import {
  createDraft,
  deleteDraftIfExpired,
  deleteDraftsExpiredBy,
  findUnexpiredDraft,
  updateUnexpiredDraft,
} from "./drafts.repository";

/** How long saved answers are kept after each save. */
export const DRAFT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const RESUME_CODE_LENGTH = 12;
const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

// A resume code has 29^12 (about 2^58) values, so guessing is hopeless at these rates; the
// limits also stop one client filling the table.
const RESUME_LIMIT = { scope: "draft-resume:ip", limit: 10, windowMs: FIFTEEN_MINUTES_MS };
const SAVE_LIMIT = { scope: "draft-save:ip", limit: 30, windowMs: FIFTEEN_MINUTES_MS };

// One answer for unknown and expired codes, so a code's history is never revealed.
const NOT_FOUND_MESSAGE =
  "We could not find saved answers for that code. Check the code, or start again: saved answers are kept for 7 days.";
const TOO_MANY_RESUMES_MESSAGE = "Too many attempts with resume codes. Wait 15 minutes, then try again.";
const TOO_MANY_SAVES_MESSAGE = "Too many saves from this connection. Wait 15 minutes, then try again.";

function limitFor(rule: { scope: string; limit: number; windowMs: number }, ip: string): RateLimit {
  return { key: toRateLimitKey(rule.scope, ip), limit: rule.limit, windowMs: rule.windowMs };
}

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
 * What is stored instead of the code. About 58 bits of randomness make a plain SHA-256
 * infeasible to reverse by trying codes; an HMAC with a server secret would add a second
 * barrier should the table leak, once the config holds such a secret.
 */
export function hashResumeCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

export interface SaveDraftInput {
  request: SaveDraftRequest;
  ip: string;
  now: Date;
}

/**
 * Saves the wizard's answers. Without a code it starts a draft with a new code; with one it
 * replaces that draft's answers and keeps it another 7 days. An unknown or expired code is a
 * NOT_FOUND: the caller must start a new draft knowingly, not be handed someone else's.
 */
export async function saveDraft(
  prisma: PrismaClient,
  input: SaveDraftInput,
): Promise<{ draft: SavedDraft; created: boolean }> {
  const { request, ip, now } = input;
  await enforceRateLimits(prisma, [limitFor(SAVE_LIMIT, ip)], now, TOO_MANY_SAVES_MESSAGE);
  const expiresAt = new Date(now.getTime() + DRAFT_LIFETIME_MS);

  if (request.resumeCode === undefined) {
    const code = generateResumeCode();
    const saved = await createDraft(prisma, {
      resumeCodeHash: hashResumeCode(code),
      data: request.data,
      now,
      expiresAt,
    });
    return { draft: { resumeCode: formatResumeCode(code), expiresAt: saved.expiresAt.toISOString() }, created: true };
  }

  const resumeCodeHash = hashResumeCode(request.resumeCode);
  await deleteDraftIfExpired(prisma, resumeCodeHash, now);
  const updated = await updateUnexpiredDraft(prisma, { resumeCodeHash, data: request.data, now, expiresAt });
  if (!updated) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return {
    draft: { resumeCode: formatResumeCode(request.resumeCode), expiresAt: expiresAt.toISOString() },
    created: false,
  };
}

/** The answers saved under a resume code (already tidied to 12 characters by the schema). */
export async function resumeDraft(
  prisma: PrismaClient,
  input: { resumeCode: string; ip: string; now: Date },
): Promise<ResumedDraft> {
  const { resumeCode, ip, now } = input;
  await enforceRateLimits(prisma, [limitFor(RESUME_LIMIT, ip)], now, TOO_MANY_RESUMES_MESSAGE);
  const resumeCodeHash = hashResumeCode(resumeCode);
  await deleteDraftIfExpired(prisma, resumeCodeHash, now);
  const draft = await findUnexpiredDraft(prisma, resumeCodeHash, now);
  if (!draft) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return { data: ReferralDraftSchema.parse(draft.data), expiresAt: draft.expiresAt.toISOString() };
}

/** Deletes every expired draft, for a scheduled clean-up; returns how many went. */
export async function deleteExpiredDrafts(prisma: PrismaClient, now: Date): Promise<number> {
  return deleteDraftsExpiredBy(prisma, now);
}
