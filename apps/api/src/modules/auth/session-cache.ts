import type { StaffProfile } from "@psu/domain";

/**
 * How long a signed-in session, once looked up, is taken on trust by the process that looked it
 * up (decision 032). A page of the staff app sends three to five requests at once; each would
 * otherwise read the same session row.
 */
export const SESSION_CACHE_MS = 2_000;
const MAX_ENTRIES = 1_000;

// Bumped by every write that ends sessions or changes a member of staff, in this process: every
// cache made here then forgets what it holds. Other processes forget within SESSION_CACHE_MS.
let generation = 0;

/** Makes every session cache in this process forget what it holds. */
export function forgetCachedSessions(): void {
  generation++;
}

/**
 * Waits for a write that ends sessions or changes who a member of staff is (role, name, active),
 * then makes this process's caches forget, whether it committed or failed. Forgetting after the
 * write, not before, so a lookup in between cannot keep the old answer.
 */
export async function changingStaffAccess<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    forgetCachedSessions();
  }
}

interface Entry {
  staff: StaffProfile;
  /** The app's clock when it was looked up (tests move that clock). */
  at: number;
  /** This process's monotonic clock then, so a stopped test clock cannot keep an entry. */
  since: number;
  generation: number;
}

/**
 * Signed-in sessions by token hash, each kept SESSION_CACHE_MS from its lookup. Requests for the
 * same session at once share one lookup. Only a signed-in member is kept: an unknown, expired or
 * pending token is looked up every time.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #pending = new Map<string, { lookup: Promise<StaffProfile | null>; generation: number }>();

  async resolve(
    tokenHash: string,
    now: Date,
    lookUp: () => Promise<StaffProfile | null>,
  ): Promise<StaffProfile | null> {
    const entry = this.#entries.get(tokenHash);
    if (entry && this.#isFresh(entry, now)) return entry.staff;
    if (entry) this.#entries.delete(tokenHash);

    // Joins a lookup already under way, unless access changed since it started.
    const pending = this.#pending.get(tokenHash);
    if (pending && pending.generation === generation) return pending.lookup;
    const started = generation;
    const lookup = lookUp();
    const shared = { lookup, generation: started };
    this.#pending.set(tokenHash, shared);
    let staff: StaffProfile | null;
    try {
      staff = await lookup;
    } finally {
      if (this.#pending.get(tokenHash) === shared) this.#pending.delete(tokenHash);
    }
    // A write that changed access while this lookup ran may have been missed by it: not kept.
    if (staff && started === generation)
      this.#remember(tokenHash, { staff, at: now.getTime(), since: performance.now(), generation });
    return staff;
  }

  #isFresh(entry: Entry, now: Date): boolean {
    const age = now.getTime() - entry.at;
    return (
      entry.generation === generation &&
      age >= 0 &&
      age < SESSION_CACHE_MS &&
      performance.now() - entry.since < SESSION_CACHE_MS
    );
  }

  #remember(tokenHash: string, entry: Entry): void {
    if (this.#entries.size >= MAX_ENTRIES) {
      // The oldest first: a Map keeps insertion order.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(tokenHash, entry);
  }
}
