-- AlterTable
ALTER TABLE "outbox_messages" ADD COLUMN     "failed_at" TIMESTAMPTZ(3);

-- Messages that already ran out of attempts (8, outbox.repository.ts MAX_ATTEMPTS) gave up
-- before this column existed: mark them now, so "failed_at is not null" finds every one.
UPDATE "outbox_messages" SET "failed_at" = now() WHERE "sent_at" IS NULL AND "attempts" >= 8;
