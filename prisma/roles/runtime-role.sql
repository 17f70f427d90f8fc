-- The runtime role: what the running app needs, and no more (docs/operations.md, "Database roles").
--
-- Run as the role that owns the tables (the one DATABASE_MIGRATION_URL names), in the app's
-- database, after the migrations. The app does this itself at every start when
-- DATABASE_MIGRATION_URL is set; by hand:
--
--   PGOPTIONS='-c psu.runtime_role=psu_app' psql "$DATABASE_MIGRATION_URL" -v ON_ERROR_STOP=1 -f prisma/roles/runtime-role.sql
--
-- The runtime role (psu.runtime_role, default psu_app) must exist and must not own the tables,
-- be a superuser, or be a member of the owner. It gets SELECT, INSERT, UPDATE and DELETE on the
-- app's tables, now and for tables later migrations create; never TRUNCATE, REFERENCES, TRIGGER
-- or ownership, so it cannot empty, alter or drop a table, or disable a trigger. The audit log
-- is append-only for it: INSERT and SELECT (the audit_entries_no_update_or_delete trigger
-- refuses updates and deletes whoever asks). Safe to run again: it only grants and revokes.
DO $$
DECLARE
  runtime text := coalesce(nullif(current_setting('psu.runtime_role', true), ''), 'psu_app');
  runtime_row pg_roles%ROWTYPE;
BEGIN
  SELECT * INTO runtime_row FROM pg_roles WHERE rolname = runtime;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the runtime role % does not exist: create it first (CREATE ROLE % LOGIN, then \password %)', runtime, runtime, runtime;
  END IF;
  IF runtime_row.rolsuper OR runtime_row.rolbypassrls THEN
    RAISE EXCEPTION 'the runtime role % is a superuser or bypasses row security: use an ordinary role', runtime;
  END IF;
  IF runtime = current_user OR pg_has_role(runtime, current_user, 'MEMBER') THEN
    RAISE EXCEPTION 'the runtime role % is (or is a member of) the owner %: it would hold every privilege of the owner', runtime, current_user;
  END IF;

  -- Nobody but the owner creates objects in the schema (already so from PostgreSQL 15; a warning, not an error, where we do not own it).
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime);
  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', runtime);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', runtime);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', runtime);
  -- Tables and sequences the owner creates later (new migrations) get the same.
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', runtime);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', runtime);

  -- The audit log: append and read only.
  IF to_regclass('public.audit_entries') IS NOT NULL THEN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_entries FROM %I', runtime);
    REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_entries FROM PUBLIC;
  END IF;
  -- The migration history is the owner's to write.
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON public._prisma_migrations FROM %I', runtime);
  END IF;
END
$$;
