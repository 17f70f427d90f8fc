-- AlterTable
ALTER TABLE "outbox_messages" ADD COLUMN     "delivery_id" TEXT;

-- CreateTable
CREATE TABLE "job_runs" (
    "job" TEXT NOT NULL,
    "run_key" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "detail" JSONB,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("job","run_key")
);
