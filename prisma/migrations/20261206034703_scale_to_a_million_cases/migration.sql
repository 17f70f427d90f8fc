-- CreateTable
CREATE TABLE "case_status_counts" (
    "status" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "case_status_counts_pkey" PRIMARY KEY ("status")
);

-- Trigram indexes (a contrib extension, trusted: the database's owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "referrals_full_name_trgm_idx" ON "referrals" USING GIN ("full_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "referrals_submitted_at_idx" ON "referrals"("submitted_at");

-- CreateIndex
CREATE INDEX "cases_allocated_at_idx" ON "cases"("allocated_at");

-- CreateIndex
CREATE INDEX "cases_open_opened_at_id_idx" ON "cases"("opened_at", "id") WHERE (status NOT IN ('closed', 'withdrawn'));

-- case_status_counts holds what SELECT status, count(*) FROM cases GROUP BY status would say,
-- changed in the same transaction as the cases (decision 023). Per statement, from the rows it
-- touched, so a bulk insert is one change per status. Rows are changed in status order, so two
-- transactions never wait for each other in a circle; an update that keeps the status changes none.
CREATE FUNCTION case_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM case_status_counts;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO case_status_counts AS total (status, count)
    SELECT status, count(*) FROM new_rows GROUP BY status ORDER BY status
    ON CONFLICT (status) DO UPDATE SET count = total.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO case_status_counts AS total (status, count)
    SELECT status, -count(*) FROM old_rows GROUP BY status ORDER BY status
    ON CONFLICT (status) DO UPDATE SET count = total.count + excluded.count;
  ELSE
    INSERT INTO case_status_counts AS total (status, count)
    SELECT status, sum(change) FROM (
      SELECT status, 1 AS change FROM new_rows UNION ALL SELECT status, -1 FROM old_rows
    ) AS changes
    GROUP BY status HAVING sum(change) <> 0 ORDER BY status
    ON CONFLICT (status) DO UPDATE SET count = total.count + excluded.count;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER case_status_counts_on_insert AFTER INSERT ON "cases"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_status_counts_apply();
CREATE TRIGGER case_status_counts_on_update AFTER UPDATE ON "cases"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_status_counts_apply();
CREATE TRIGGER case_status_counts_on_delete AFTER DELETE ON "cases"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_status_counts_apply();
CREATE TRIGGER case_status_counts_on_truncate AFTER TRUNCATE ON "cases"
  FOR EACH STATEMENT EXECUTE FUNCTION case_status_counts_apply();

INSERT INTO case_status_counts (status, count) SELECT status, count(*)::int FROM cases GROUP BY status;
