-- AlterTable
ALTER TABLE "referrals" ADD COLUMN     "anonymised_at" TIMESTAMPTZ(3),
ADD COLUMN     "anonymised_reason" TEXT;
