-- CreateIndex
CREATE INDEX "referrals_email_prefix_idx" ON "referrals"("email" text_pattern_ops);

-- CreateIndex
CREATE INDEX "cases_opened_at_id_idx" ON "cases"("opened_at", "id");
