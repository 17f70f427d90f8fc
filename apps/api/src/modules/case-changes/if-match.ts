import { createSingleLineTextSchema } from "@psu/domain";
import { z } from "zod";
import { AppError } from "../../errors/app-error";

/**
 * The request headers of a case change, for validation and the OpenAPI document. Loose, so
 * Fastify keeps every other header (the cookie, Origin) after validation, and `if-match`
 * optional here so a missing one reaches `readExpectedVersion` and gets its own 428.
 */
export const IfMatchHeadersSchema = z.looseObject({
  "if-match": createSingleLineTextSchema("If-Match")
    .optional()
    .describe('The version of the case the change is based on, as an entity tag: `"3"` (a bare 3 is accepted too).'),
});

// A strong entity tag holding the version ("3"), or the bare number. Weak tags (W/"3") are not
// used: versions are exact.
const IF_MATCH = /^\s*(?:"(\d{1,9})"|(\d{1,9}))\s*$/;

/** The case version named by `If-Match`: 428 when the header is missing, 400 when it is not a version. */
export function readExpectedVersion(header: string | undefined): number {
  if (header === undefined || header.trim() === "") {
    throw new AppError(
      "PRECONDITION_REQUIRED",
      'Send the If-Match header with the version of the case this change is based on, such as If-Match: "3".',
    );
  }
  const match = IF_MATCH.exec(header);
  const version = Number(match?.[1] ?? match?.[2]);
  if (!match || !Number.isSafeInteger(version) || version < 1) {
    const message = 'If-Match must be the version of the case in quotes, such as "3".';
    throw new AppError("BAD_REQUEST", message, [{ field: "If-Match", message }]);
  }
  return version;
}

/** The entity tag for a case version, as sent in ETag and expected back in If-Match. */
export function toEntityTag(version: number): string {
  return `"${version}"`;
}
