import { SESSION_IDLE_MINUTES } from "@psu/domain";
import { useEffect, useState, useSyncExternalStore } from "react";
import { getLastStaffActivity, subscribeToStaffActivity } from "../../../lib/staff-activity";

const MINUTE = 60_000;

// The server ends a session 30 minutes after the last request it counted, but it writes that
// time at most once a minute (auth.service.ts), so its clock may have started up to a minute
// before ours. Signing out a minute early means the browser never shows a page the server has
// already signed out of, and "Stay signed in" always reaches a live session.
const SERVER_TOUCH_SLACK_MS = MINUTE;

/** How long after the last counted request the web app signs out. */
export const IDLE_SIGN_OUT_AFTER_MS = SESSION_IDLE_MINUTES * MINUTE - SERVER_TOUCH_SLACK_MS;
/** How long before that the warning opens (GOV.UK's timeout warning pattern). */
export const IDLE_WARNING_BEFORE_MS = 2 * MINUTE;

export type IdleState = { phase: "active" } | { phase: "warning"; msLeft: number } | { phase: "timed-out" };

/** Where the idle clock stands at `now` for a session last active at `lastActivityAt`. */
export function findIdleState(lastActivityAt: number, now: number): IdleState {
  const msLeft = lastActivityAt + IDLE_SIGN_OUT_AFTER_MS - now;
  if (msLeft <= 0) return { phase: "timed-out" };
  if (msLeft <= IDLE_WARNING_BEFORE_MS) return { phase: "warning", msLeft };
  return { phase: "active" };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The time left in words, to the second: "1 minute 5 seconds". */
export function describeTimeLeft(msLeft: number): string {
  const seconds = Math.max(0, Math.ceil(msLeft / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return plural(rest, "second");
  return rest === 0 ? plural(minutes, "minute") : `${plural(minutes, "minute")} ${plural(rest, "second")}`;
}

/**
 * The time left as a screen reader hears it: whole minutes, then every 15 seconds in the last
 * minute. The words change only at those steps, so a live region speaks a few times, not every second.
 */
export function describeTimeLeftForAnnouncement(msLeft: number): string {
  const seconds = Math.max(0, Math.ceil(msLeft / 1000));
  const step = seconds > 60 ? 60 : 15;
  return describeTimeLeft(Math.ceil(seconds / step) * step * 1000);
}

/** The idle clock, ticking each second, moved on by activity in this tab or another. */
export function useIdleState(): IdleState {
  const lastActivityAt = useSyncExternalStore(subscribeToStaffActivity, getLastStaffActivity);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = window.setInterval(tick, 1000);
    // A tab in the background ticks rarely: look again as soon as it is shown.
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, []);
  return findIdleState(lastActivityAt, Math.max(now, lastActivityAt));
}
