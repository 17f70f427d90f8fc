import pg from "pg";

/** Runs `work` on a plain PostgreSQL connection to `url`, closed afterwards whatever happens. */
export async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** How many sessions other than this one are open on the database at `url`: a lingering pool or process keeps one. */
export function countOtherSessions(url: string): Promise<number> {
  return withPgClient(url, async (client) => {
    const result = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    return Number(result.rows[0]?.n);
  });
}
