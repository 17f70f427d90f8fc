// How long saved answers ("save and come back later") are kept: a week after each save, so an
// abandoned draft goes soon, and never more than 30 days after the first save, so saving again
// and again cannot keep a trainee's story on the server for ever. The API stores the result as
// the draft's expiry; the web app states both numbers.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Saved answers are kept this many days after each save... */
export const DRAFT_KEPT_DAYS_AFTER_SAVE = 7;

/** ...and never longer than this many days after the first save. */
export const DRAFT_MAX_LIFETIME_DAYS = 30;

/** When a draft first saved at `firstSavedAt` and saved again at `now` expires. */
export function computeDraftExpiry(firstSavedAt: Date, now: Date): Date {
  const afterSave = now.getTime() + DRAFT_KEPT_DAYS_AFTER_SAVE * DAY_MS;
  const cap = firstSavedAt.getTime() + DRAFT_MAX_LIFETIME_DAYS * DAY_MS;
  return new Date(Math.min(afterSave, cap));
}

/** The earliest first save of a draft still alive at `now`: older ones have reached the cap. */
export function findOldestLiveDraftStart(now: Date): Date {
  return new Date(now.getTime() - DRAFT_MAX_LIFETIME_DAYS * DAY_MS);
}

/** How long saved answers are kept, in the words the trainee reads wherever it is said. */
export const DRAFT_LIFETIME_TEXT = `${DRAFT_KEPT_DAYS_AFTER_SAVE} days after you last saved them, and never more than ${DRAFT_MAX_LIFETIME_DAYS} days after you first saved them`;
