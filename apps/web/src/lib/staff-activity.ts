// When a member of staff was last active, as the server counts it: a staff API request that it
// answered (any status but 401) keeps the session alive, so the API client reports each one
// here. Other tabs of the same browser hear of it on a BroadcastChannel, as a time and nothing
// else, so working in one tab keeps the warning away in the others.

const CHANNEL_NAME = "psu-staff-activity";
// Requests to these count: they go through the server's session check, which resets its clock.
const STAFF_PATHS = ["/api/staff/", "/api/auth/"];

let lastActivityAt = Date.now();
const listeners = new Set<() => void>();
let channel: BroadcastChannel | null | undefined;

function openChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL_NAME) : null;
    channel?.addEventListener("message", (event: MessageEvent<unknown>) => {
      const at = typeof event.data === "object" && event.data !== null && "at" in event.data ? event.data.at : null;
      // Never later than now: a message cannot push this tab's clock into the future.
      if (typeof at === "number" && Number.isFinite(at)) noteActivity(Math.min(at, Date.now()), false);
    });
  }
  return channel;
}

function noteActivity(at: number, tellOtherTabs: boolean): void {
  if (at <= lastActivityAt) return;
  lastActivityAt = at;
  for (const listener of listeners) listener();
  if (tellOtherTabs) openChannel()?.postMessage({ at });
}

/** Called by the API client for every answer it gets: counts it when the server would. */
export function recordApiAnswer(path: string, status: number): void {
  if (status === 401 || !STAFF_PATHS.some((prefix) => path.startsWith(prefix))) return;
  noteActivity(Date.now(), true);
}

/** When the signed-in member of staff last did something the server counted (ms since the epoch). */
export function getLastStaffActivity(): number {
  return lastActivityAt;
}

/** Calls `listener` whenever activity is counted here or in another tab; returns the unsubscribe. */
export function subscribeToStaffActivity(listener: () => void): () => void {
  openChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
