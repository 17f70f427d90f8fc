-- AlterTable
ALTER TABLE "referrals" ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'online',
ALTER COLUMN "email" DROP NOT NULL;

-- CreateTable
CREATE TABLE "published_links" (
    "id" TEXT NOT NULL,
    "url" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID,

    CONSTRAINT "published_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "published_links_url_key" ON "published_links"("url");

-- CreateIndex
CREATE INDEX "referrals_channel_idx" ON "referrals"("channel");
