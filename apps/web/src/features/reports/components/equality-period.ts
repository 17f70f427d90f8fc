import { type EqualityPeriod, listEqualityPeriods, toLondonDate } from "@psu/domain";
import { hasErrorCode } from "../../../lib/api-client";
import { type FormError, toApiFormErrors } from "../../../lib/form-errors";

/** How many ended quarters the equality page offers (five years); older ones still work by URL. */
export const EQUALITY_QUARTERS_OFFERED = 20;

/** The id of the quarter choice, which the error summary links to. */
export const QUARTER_FIELD_ID = "equality-quarter";

/** The quarters offered on `now`, newest first: only those the API allows (decision 019). */
export function listOfferedQuarters(now: Date): EqualityPeriod[] {
  return listEqualityPeriods(toLondonDate(now), EQUALITY_QUARTERS_OFFERED);
}

/**
 * The quarter in a URL's query string, or the latest ended quarter when none is given. A
 * period that is not an ended quarter is kept as it is: the API refuses it and says why.
 */
export function readEqualityPeriod(params: URLSearchParams, now: Date): EqualityPeriod {
  const from = params.get("from")?.trim();
  const to = params.get("to")?.trim();
  if (from && to) return { from, to };
  return listEqualityPeriods(toLondonDate(now), 1)[0] as EqualityPeriod;
}

/** The API's 400 for a period, on the quarter choice; none for any other failure. */
export function toQuarterErrors(error: unknown): FormError[] {
  if (!hasErrorCode(error, "VALIDATION_FAILED", "BAD_REQUEST")) return [];
  return toApiFormErrors(error, { fieldIds: { from: QUARTER_FIELD_ID, to: QUARTER_FIELD_ID } });
}
