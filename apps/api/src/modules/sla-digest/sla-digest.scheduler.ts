import { findNextSlaDigestAt } from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import type { FastifyBaseLogger } from "fastify";
import { runSlaDigest } from "./sla-digest.service";

/** After a failed run, try again this much later (the same day's digest is still due). */
const RETRY_MS = 5 * 60_000;
// setTimeout's longest delay (about 24.8 days); the next digest is never that far off.
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

export interface SlaDigestSchedule {
  /** Stops the timer and waits for a run in flight. */
  stop(): Promise<void>;
}

/**
 * Runs the SLA digest at start-up (catching up on today's if it is due and not yet queued), then
 * sets a timer for the next 08:00 London time on a working day, and again after each run. Every
 * instance keeps its own timer: job_runs makes the digest go once (sla-digest.repository.ts).
 * `now` is the app's clock, read each time.
 */
export function startSlaDigestSchedule(options: {
  prisma: PrismaClient;
  now: () => Date;
  publicUrl: string;
  log: FastifyBaseLogger;
}): SlaDigestSchedule {
  const { log } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const runOnce = async (): Promise<boolean> => {
    try {
      const run = await runSlaDigest(options.prisma, { now: options.now(), publicUrl: options.publicUrl });
      if (run.outcome === "queued")
        log.info({ date: run.date, recipients: run.recipients, counts: run.counts }, "SLA digest queued");
      else if (run.outcome === "already_queued") log.debug({ date: run.date }, "SLA digest already queued");
      return true;
    } catch (error) {
      log.error({ type: error instanceof Error ? error.name : "unknown" }, "SLA digest failed");
      return false;
    }
  };

  const schedule = (succeeded: boolean) => {
    if (stopped) return;
    const now = options.now();
    const untilNext = findNextSlaDigestAt(now).getTime() - now.getTime();
    const delay = Math.min(succeeded ? untilNext : Math.min(untilNext, RETRY_MS), LONGEST_TIMEOUT_MS);
    timer = setTimeout(tick, Math.max(delay, 0));
    timer.unref();
  };

  const tick = () => {
    inFlight = runOnce().then(schedule);
  };
  tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
