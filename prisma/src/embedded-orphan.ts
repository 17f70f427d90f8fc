import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { DataFolderInUseError } from "./embedded-owner";
import { canInspectProcesses, findProcess, type ProcessInfo } from "./processes";

// A PostgreSQL left running on our data folder by a copy of the app that ended without stopping
// it (decision 029). It is recognised by the pid in the folder's own postmaster.pid, checked to
// be a live `postgres -D <this folder>`, and stopped as `pg_ctl stop` would: fast shutdown first.
// A postmaster.pid whose process is gone is PostgreSQL's own business: it checks and replaces it.

/** How an orphaned server was stopped. */
export interface StoppedOrphan {
  postgresPid: number;
  how: "fast shutdown" | "immediate shutdown" | "killed";
}

// Fast shutdown ends the sessions and writes a checkpoint; immediate shutdown skips the
// checkpoint (the next start replays the log, as after a crash); SIGKILL is the last resort.
const STEPS = [
  { signal: "SIGINT", waitMs: 20_000, how: "fast shutdown" },
  { signal: "SIGQUIT", waitMs: 6_000, how: "immediate shutdown" },
  { signal: "SIGKILL", waitMs: 5_000, how: "killed" },
] as const;

/**
 * Stops the PostgreSQL running on `dataDir` when the process that started it has gone; resolves
 * to undefined when none runs. Throws DataFolderInUseError when a live Node.js process (another
 * copy of the app, or one of its tools) is its parent. Linux only: elsewhere it does nothing.
 */
export async function stopOrphanedServer(dataDir: string): Promise<StoppedOrphan | undefined> {
  if (!canInspectProcesses()) return undefined;
  const postgresPid = await readPostmasterPid(dataDir);
  if (postgresPid === undefined) return undefined;
  const postmaster = await findProcess(postgresPid);
  if (!postmaster || !isPostgresOf(postmaster, dataDir)) return undefined;

  // Started by a process that still runs (an older copy of the app keeps no owner file): theirs.
  const parent = postmaster.parentPid > 1 ? await findProcess(postmaster.parentPid) : undefined;
  if (parent && basename(parent.command[0] ?? "") === basename(process.execPath))
    throw new DataFolderInUseError(
      `The data folder ${dataDir} has its PostgreSQL (pid ${postgresPid}) run by another Node.js process (pid ${parent.pid}), ` +
        `probably another copy of the app. Stop that copy first, or set DATA_DIR to another folder for this one.`,
    );

  for (const step of STEPS) {
    try {
      process.kill(postgresPid, step.signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
    if (await hasExited(postmaster, step.waitMs)) return { postgresPid, how: step.how };
  }
  throw new Error(`Could not stop the PostgreSQL (pid ${postgresPid}) left running on the data folder ${dataDir}.`);
}

/** The first line of the folder's postmaster.pid: the postmaster's pid. */
async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, "postmaster.pid"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const pid = Number(text.split("\n", 1)[0]?.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/** A `postgres` program started with `-D` naming this very folder. */
function isPostgresOf(found: ProcessInfo, dataDir: string): boolean {
  const [program, ...args] = found.command;
  if (program === undefined || basename(program) !== "postgres") return false;
  const given = args[args.indexOf("-D") + 1];
  return args.includes("-D") && given !== undefined && sameFolder(given, dataDir);
}

function sameFolder(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Waits up to `waitMs` for the process to end (its pid gone, or given to a later process). */
async function hasExited(watched: ProcessInfo, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = await findProcess(watched.pid);
    if (!now || now.startTicks !== watched.startTicks) return true;
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 100));
  }
}
