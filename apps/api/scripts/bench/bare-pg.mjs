// The stack's own limit for a database request, beside the baseline: a bare Fastify with a raw
// `pg` pool of the app's size (10) on the benchmark's database, no plugins, hooks, validation or
// ORM. One route reads a case by id (one statement); the other writes an audit entry (one
// statement and its commit, flushed to disk as every write of the app is). What an app route
// costs beyond these is ours; what these cost is the machine's. Listens on PORT.
import Fastify from "fastify";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get("/case/:id", async (request) => {
  const { rows } = await pool.query("select id, status, version, opened_at from cases where id = $1", [
    request.params.id,
  ]);
  return rows[0] ?? null;
});
app.post("/audit/:id", async (request, reply) => {
  await pool.query("insert into audit_entries (actor_id, action, case_id) values (null, 'CASE_VIEWED', $1)", [
    request.params.id,
  ]);
  return reply.status(204).send();
});
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
