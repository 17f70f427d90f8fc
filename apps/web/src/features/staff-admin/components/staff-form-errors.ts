import type { z } from "zod";
import { type FormError, toApiFormErrors } from "../../../lib/form-errors";

/**
 * Zod issues (or an API 400's fields) as form errors, one per field, keyed by the request's
 * top-level field: "affiliations.2" is the affiliations box. `ids` maps request fields to ids on
 * the page, in page order; a field the page does not show is said without a link.
 */
export function toFieldErrors(
  problems: readonly { path: string; message: string }[],
  ids: Readonly<Record<string, string>>,
): FormError[] {
  const order = Object.values(ids);
  const byField = new Map<string, string>();
  for (const problem of problems) {
    const field = ids[problem.path.split(".")[0] ?? ""] ?? "";
    if (!byField.has(field)) byField.set(field, problem.message);
  }
  return [...byField]
    .map(([field, message]) => ({ field, message }))
    .sort((a, b) => rank(order, a.field) - rank(order, b.field));
}

function rank(order: readonly string[], field: string): number {
  const index = order.indexOf(field);
  return index === -1 ? order.length : index;
}

/** Zod issues as { path, message }. */
export function fromIssues(issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** A failed staff-management request as form errors. */
export function fromApiError(error: unknown, ids: Readonly<Record<string, string>>): FormError[] {
  return toApiFormErrors(error, { fieldIds: ids, messages: { FORBIDDEN: "Only admins can manage staff." } });
}

/** "8" as 8; null when it is not a whole number of at least 0. */
export function parseWholeNumber(text: string): number | null {
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** One Trust or employer per line, blank lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}
