// Every limit on what anyone can do without signing in, in one place (decision 015 says why
// each number). Per-IP limits are generous because a hospital's trainees may share one
// address; the overall limits cap what many addresses together can add in an hour.

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A limit before it is given its subject: `toRateLimitKey(keyedHash, scope, subject)` makes the key. */
export interface AnonymousLimit {
  scope: string;
  limit: number;
  windowMs: number;
}

/** The subject of an overall limit: one counter for everybody. */
export const EVERYONE = "everyone";

export const ANONYMOUS_LIMITS = {
  /** New referrals from one address (a retry of the same submission is not counted). */
  referralPerIp: { scope: "referral-submit:ip", limit: 20, windowMs: HOUR_MS },
  /** New referrals from everyone together. */
  referralOverall: { scope: "referral-submit:all", limit: 300, windowMs: HOUR_MS },
  /** Saves of the wizard's answers (new or existing drafts) from one address. */
  draftSavePerIp: { scope: "draft-save:ip", limit: 30, windowMs: 15 * MINUTE_MS },
  /** New drafts from everyone together: each one is a row kept for days. */
  draftCreateOverall: { scope: "draft-create:all", limit: 500, windowMs: HOUR_MS },
  /** Attempts with resume codes from one address. */
  draftResumePerIp: { scope: "draft-resume:ip", limit: 10, windowMs: 15 * MINUTE_MS },
  /** Status look-ups and withdrawals from one address. */
  statusLookupPerIp: { scope: "status-lookup:ip", limit: 10, windowMs: 15 * MINUTE_MS },
  /** Status look-ups and withdrawals for one reference, from any address. */
  statusLookupPerReference: { scope: "status-lookup:reference", limit: 5, windowMs: 15 * MINUTE_MS },
  /** Equality forms from one address. */
  equalityPerIp: { scope: "equality:ip", limit: 20, windowMs: HOUR_MS },
  /** Equality forms from everyone together: a flood would skew the reports. */
  equalityOverall: { scope: "equality:all", limit: 300, windowMs: HOUR_MS },
  /** Single sign-on starts and returns from one address: each writes a row or an audit entry. */
  singleSignOnPerIp: { scope: "sso:ip", limit: 60, windowMs: 15 * MINUTE_MS },
  /** Confirmation emails to one address: the form must not be a way to flood someone's inbox. */
  confirmationEmailsPerRecipient: { scope: "outbox:recipient", limit: 3, windowMs: DAY_MS },
} as const satisfies Record<string, AnonymousLimit>;
