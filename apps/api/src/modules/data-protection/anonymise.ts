import { Prisma } from "@psu/prisma";
import {
  CASE_EVENT_COLUMNS,
  type ColumnClass,
  IDEMPOTENCY_KEY_COLUMNS,
  OUTBOX_COLUMNS,
  REFERRAL_COLUMNS,
  toDatabaseColumn,
} from "./personal-data";

export type AnonymisationReason = "retention" | "erasure";

/**
 * The SET list that anonymises a table's row, from the personal-data registry: '' or null for
 * personal columns, and for partly kept JSON only the kept keys. Column names come from the
 * registry (constants), never from input.
 */
function buildAssignments(columns: Readonly<Record<string, ColumnClass>>): Prisma.Sql[] {
  return Object.entries(columns).flatMap(([column, handling]) => {
    const name = Prisma.raw(`"${toDatabaseColumn(column)}"`);
    if (handling === "blank") return [Prisma.sql`${name} = ''`];
    if (handling === "null") return [Prisma.sql`${name} = NULL`];
    if (handling === "kept") return [];
    return [
      Prisma.sql`${name} = (SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
                           FROM jsonb_each(${name}) WHERE key = ANY(${[...handling.keepKeys]}::text[]))`,
    ];
  });
}

const REFERRAL_ASSIGNMENTS = buildAssignments(REFERRAL_COLUMNS.columns);
const EVENT_ASSIGNMENTS = buildAssignments(CASE_EVENT_COLUMNS.columns);

/**
 * Removes the personal data of one referral and its case, in the caller's transaction, as the
 * registry (personal-data.ts) says: personal columns blanked, the timeline's free text removed,
 * the emails and idempotency records about it deleted. The referral row is locked first
 * (FOR UPDATE), so two anonymisations of the same referral queue behind each other and the
 * second finds it done. Returns false when the referral is missing or already anonymised.
 */
export async function anonymiseReferral(
  tx: Prisma.TransactionClient,
  referralId: string,
  reason: AnonymisationReason,
  now: Date,
): Promise<boolean> {
  const locked = await tx.$queryRaw<{ reference: string; email: string | null; anonymised_at: Date | null }[]>`
    SELECT reference, email, anonymised_at FROM referrals WHERE id = ${referralId}::uuid FOR UPDATE`;
  const row = locked[0];
  if (!row || row.anonymised_at) return false;

  await tx.$executeRaw`
    UPDATE ${Prisma.raw(REFERRAL_COLUMNS.table)}
    SET ${Prisma.join(REFERRAL_ASSIGNMENTS, ", ")}, anonymised_at = ${now}, anonymised_reason = ${reason}
    WHERE id = ${referralId}::uuid`;
  await tx.$executeRaw`
    UPDATE ${Prisma.raw(CASE_EVENT_COLUMNS.table)} SET ${Prisma.join(EVENT_ASSIGNMENTS, ", ")}
    WHERE case_id = (SELECT id FROM cases WHERE referral_id = ${referralId}::uuid)`;
  // Rows the registry says go with the personal data: emails about this referral (the payload
  // names its reference) or to its address, and its idempotency records.
  await tx.$executeRaw`
    DELETE FROM ${Prisma.raw(OUTBOX_COLUMNS.table)}
    WHERE payload->>'reference' = ${row.reference} OR (${row.email ?? ""} <> '' AND lower(recipient) = ${row.email ?? ""})`;
  await tx.$executeRaw`
    DELETE FROM ${Prisma.raw(IDEMPOTENCY_KEY_COLUMNS.table)} WHERE referral_id = ${referralId}::uuid`;
  return true;
}
