import { ConfigError, parseConfig } from "../config/env";

/** The problems parseConfig lists for `env`, for tests of what it refuses; none when `env` is valid. */
export function listConfigProblems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
