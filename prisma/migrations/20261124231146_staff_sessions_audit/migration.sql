-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "allocated_at" TIMESTAMPTZ(3),
ADD COLUMN     "first_contact_at" TIMESTAMPTZ(3),
ADD COLUMN     "lead_id" UUID,
ADD COLUMN     "paused_since" TIMESTAMPTZ(3),
ADD COLUMN     "pauses" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "resume_to" TEXT,
ADD COLUMN     "safety_concern" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "triaged_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "staff_members" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "lead_kinds" TEXT[],
    "capacity" INTEGER NOT NULL DEFAULT 0,
    "affiliations" TEXT[],

    CONSTRAINT "staff_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_leave" (
    "id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "from_day" TEXT NOT NULL,
    "to_day" TEXT NOT NULL,

    CONSTRAINT "lead_leave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_sessions" (
    "token_hash" TEXT NOT NULL,
    "staff_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "case_id" UUID,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "ip_hash" TEXT,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_members_email_key" ON "staff_members"("email");

-- CreateIndex
CREATE INDEX "lead_leave_staff_id_idx" ON "lead_leave"("staff_id");

-- CreateIndex
CREATE INDEX "staff_sessions_staff_id_idx" ON "staff_sessions"("staff_id");

-- CreateIndex
CREATE INDEX "staff_sessions_last_seen_at_idx" ON "staff_sessions"("last_seen_at");

-- CreateIndex
CREATE INDEX "audit_entries_at_idx" ON "audit_entries"("at");

-- CreateIndex
CREATE INDEX "audit_entries_case_id_at_idx" ON "audit_entries"("case_id", "at");

-- CreateIndex
CREATE INDEX "audit_entries_actor_id_at_idx" ON "audit_entries"("actor_id", "at");

-- CreateIndex
CREATE INDEX "cases_lead_id_status_idx" ON "cases"("lead_id", "status");

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "staff_members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_leave" ADD CONSTRAINT "lead_leave_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only: refuse updates and deletes, whoever asks.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only';
END;
$$;
CREATE TRIGGER audit_entries_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
