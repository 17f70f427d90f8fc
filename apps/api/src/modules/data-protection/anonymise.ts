import type { Prisma } from "@psu/prisma";

export type AnonymisationReason = "retention" | "erasure";

/**
 * Keys of a timeline event's `data` that are kept: statuses, outcomes, flags, ids and dates.
 * Everything else (a note's `text`, a `reason` typed by staff or the trainee) is removed.
 */
export const KEPT_EVENT_KEYS = ["from", "to", "status", "outcome", "flagged", "leadId", "contactedAt"] as const;

/** Eligibility answers kept: who made the referral, the region and the professional group. */
export const KEPT_ELIGIBILITY_KEYS = ["referrer", "region", "group"] as const;

/**
 * Removes the personal data of one referral and its case, in the caller's transaction: the
 * referral row is locked first (FOR UPDATE), so two anonymisations of the same referral queue
 * behind each other and the second finds it done. Keeps what the reports need (reference,
 * dates, region, profession, services, the case's status, clocks, outcome and lead). Returns
 * false when the referral is missing or already anonymised (idempotent).
 */
export async function anonymiseReferral(
  tx: Prisma.TransactionClient,
  referralId: string,
  reason: AnonymisationReason,
  now: Date,
): Promise<boolean> {
  const locked = await tx.$queryRaw<{ reference: string; email: string; anonymised_at: Date | null }[]>`
    SELECT reference, email, anonymised_at FROM referrals WHERE id = ${referralId}::uuid FOR UPDATE`;
  const row = locked[0];
  if (!row || row.anonymised_at) return false;

  await tx.$executeRaw`
    UPDATE referrals SET
      eligibility = (SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
                     FROM jsonb_each(eligibility) WHERE key = ANY(${[...KEPT_ELIGIBILITY_KEYS]}::text[])),
      full_name = '', email = '', phone = '', safe_contact_times = NULL,
      registration_number = NULL, programme = '', grade = '', employer = '',
      what_is_happening = '', what_has_been_tried = NULL, what_would_help = NULL, access_needs = NULL,
      anonymised_at = ${now}, anonymised_reason = ${reason}
    WHERE id = ${referralId}::uuid`;
  await tx.$executeRaw`
    UPDATE case_events SET
      data = (SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
              FROM jsonb_each(data) WHERE key = ANY(${[...KEPT_EVENT_KEYS]}::text[]))
    WHERE case_id = (SELECT id FROM cases WHERE referral_id = ${referralId}::uuid)`;
  // Emails about this referral (the payload names its reference) or to this address.
  await tx.$executeRaw`
    DELETE FROM outbox_messages
    WHERE payload->>'reference' = ${row.reference} OR (${row.email} <> '' AND lower(recipient) = ${row.email})`;
  await tx.idempotencyKey.deleteMany({ where: { referralId } });
  return true;
}
