import { type Logger, pino } from "pino";
import type { Config } from "../config/env";

/**
 * The process logger. Log lines are written by our own code with chosen fields (route
 * patterns, codes, counts), never request bodies, query strings or personal data; the
 * redaction list is a second line of defence for anything a library adds.
 */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({
    level: config.logLevel,
    base: { service: "psu-api" },
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", "req.body", "body", "email", "name", "phone"],
      remove: true,
    },
  });
}
