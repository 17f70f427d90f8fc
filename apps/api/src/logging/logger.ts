import { type Logger, pino } from "pino";
import type { Config } from "../config/env";

/**
 * The process logger. Log lines are written by our own code with chosen fields (route
 * patterns, codes, counts), never request bodies, query strings or personal data; the
 * redaction list is a second line of defence for anything a library adds.
 */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: "psu-api" },
      redact: {
        paths: ["req.headers.cookie", "req.headers.authorization", "req.body", "body", "email", "name", "phone"],
        remove: true,
      },
    },
    // Written to stdout asynchronously, off the request's path: a synchronous write per response
    // blocks every request whenever stdout is slow (a full pipe to a log collector); issue 14's
    // profile put it at a sixth of a case read. Each line is still written at once (no
    // batching), and pino flushes what is pending when the process exits.
    pino.destination({ dest: 1, sync: false }),
  );
}
