import { hasErrorCode } from "../api-client";

/**
 * Every staff query's key starts with this, so signing in or out can drop them all at once:
 * nothing one member of staff fetched is left in memory for the next.
 */
export const STAFF_QUERY_KEY = ["staff"] as const;

/** Every page of the queue: a change to any case refreshes them. */
export const QUEUE_QUERY_KEY = [...STAFF_QUERY_KEY, "queue"] as const;

/** True for an API answer that means the session has ended (expired, signed out elsewhere). */
export function isUnauthenticated(error: unknown): boolean {
  return hasErrorCode(error, "UNAUTHENTICATED");
}
