-- CreateTable
CREATE TABLE "referrals" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eligibility" JSONB NOT NULL,
    "verdict" JSONB NOT NULL,
    "region" TEXT NOT NULL,
    "profession" TEXT NOT NULL,
    "services" TEXT[],
    "full_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "preferred_contact" TEXT NOT NULL,
    "safe_contact_times" TEXT,
    "register_name" TEXT NOT NULL,
    "registration_number" TEXT,
    "programme" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "employer" TEXT NOT NULL,
    "work_pattern" TEXT NOT NULL,
    "what_is_happening" TEXT NOT NULL,
    "what_has_been_tried" TEXT,
    "what_would_help" TEXT,
    "how_soon" TEXT NOT NULL,
    "access_needs" TEXT,
    "consents_to_supervisor_contact" BOOLEAN NOT NULL,

    CONSTRAINT "referrals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "version" INTEGER NOT NULL DEFAULT 1,
    "urgency" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "outcome" TEXT,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_events" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "kind" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "case_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "referral_id" UUID NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "referral_drafts" (
    "id" UUID NOT NULL,
    "resume_code_hash" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "referral_drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "equality_responses" (
    "id" BIGSERIAL NOT NULL,
    "submitted_month" TEXT NOT NULL,
    "answers" JSONB NOT NULL,

    CONSTRAINT "equality_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_counters" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "referrals_reference_key" ON "referrals"("reference");

-- CreateIndex
CREATE INDEX "referrals_email_idx" ON "referrals"("email");

-- CreateIndex
CREATE UNIQUE INDEX "cases_referral_id_key" ON "cases"("referral_id");

-- CreateIndex
CREATE INDEX "cases_status_opened_at_id_idx" ON "cases"("status", "opened_at", "id");

-- CreateIndex
CREATE INDEX "case_events_case_id_at_idx" ON "case_events"("case_id", "at");

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "referral_drafts_resume_code_hash_key" ON "referral_drafts"("resume_code_hash");

-- CreateIndex
CREATE INDEX "referral_drafts_expires_at_idx" ON "referral_drafts"("expires_at");

-- CreateIndex
CREATE INDEX "outbox_messages_sent_at_available_at_idx" ON "outbox_messages"("sent_at", "available_at");

-- CreateIndex
CREATE INDEX "equality_responses_submitted_month_idx" ON "equality_responses"("submitted_month");

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE CASCADE;
