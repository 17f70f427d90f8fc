// Run as a child process by the crash-recovery tests: starts the embedded PostgreSQL on a data
// folder as the app would, says "ready", and holds it until SIGTERM (or until it is killed).
// Usage: node --import tsx src/test/hold-embedded-postgres.ts <dataDir> <port>
import { startEmbeddedPostgres } from "../embedded-postgres";

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error("usage: hold-embedded-postgres.ts <dataDir> <port>");
const database = await startEmbeddedPostgres({ dataDir, port: Number(port), database: "psu" });
process.stdout.write("ready\n");
const holding = setInterval(() => {}, 60_000);
process.once("SIGTERM", () => {
  clearInterval(holding);
  void database.stop();
});
