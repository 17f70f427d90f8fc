-- AlterTable
ALTER TABLE "case_status_counts" DROP CONSTRAINT "case_status_counts_pkey",
ADD COLUMN     "slot" SMALLINT NOT NULL DEFAULT 0,
ADD CONSTRAINT "case_status_counts_pkey" PRIMARY KEY ("status", "slot");

-- Each status's count is spread over 16 slots, one per database connection (the backend's
-- process id modulo 16), so transactions on different connections add to different rows: with
-- one row per status, every new referral waited for the one before it to commit, because each
-- holds the lock on the 'new' row from its case's insert to its commit (docs/performance.md,
-- "Why the ratios are still short"). A status's count is the sum of its slots. Rows are still
-- changed in status order within a slot, so two transactions never wait for each other in a
-- circle. Otherwise as decision 023.
CREATE OR REPLACE FUNCTION case_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  own_slot smallint := pg_backend_pid() % 16;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM case_status_counts;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO case_status_counts AS total (status, slot, count)
    SELECT status, own_slot, count(*) FROM new_rows GROUP BY status ORDER BY status
    ON CONFLICT (status, slot) DO UPDATE SET count = total.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO case_status_counts AS total (status, slot, count)
    SELECT status, own_slot, -count(*) FROM old_rows GROUP BY status ORDER BY status
    ON CONFLICT (status, slot) DO UPDATE SET count = total.count + excluded.count;
  ELSE
    INSERT INTO case_status_counts AS total (status, slot, count)
    SELECT status, own_slot, sum(change) FROM (
      SELECT status, 1 AS change FROM new_rows UNION ALL SELECT status, -1 FROM old_rows
    ) AS changes
    GROUP BY status HAVING sum(change) <> 0 ORDER BY status
    ON CONFLICT (status, slot) DO UPDATE SET count = total.count + excluded.count;
  END IF;
  RETURN NULL;
END;
$$;
