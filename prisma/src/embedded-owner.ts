import { readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { canInspectProcesses, findProcess, isSignalable, ownStartTicks } from "./processes";

// Which process has an embedded data folder open: a small file beside the folder (like its
// password file), written before PostgreSQL starts and removed once it has stopped. A file left
// behind names a copy of the app that ended without stopping (killed, out of memory); one whose
// process still runs means the folder is in use, and nothing of it may be touched (decision 029).

/** Where the process that has `dataDir` open is recorded, e.g. `.data/postgres-owner`. */
export function embeddedOwnerFile(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}-owner`);
}

/** The process recorded in the owner file. */
export interface DataFolderOwner {
  pid: number;
  /** When that process started, for people reading the file and the messages. */
  startedAt: string;
  /** Its start time in /proc's ticks, which tells it from a later process given the same pid. */
  startTicks?: string;
}

/** The data folder is open in a process that still runs: start nothing, stop nothing. */
export class DataFolderInUseError extends Error {}

export interface DataFolderClaim {
  /** The process that had the folder before and ended without letting it go, if one did. */
  previousOwner: DataFolderOwner | undefined;
  /** Lets the folder go (after its PostgreSQL has stopped). */
  release(): Promise<void>;
}

// Folders open in this process: its own pid in the file means an earlier process (a container's
// pid 1 is the same after every restart) unless the folder is listed here.
const openHere = new Set<string>();

/** Records this process as the one with `dataDir` open, or throws DataFolderInUseError naming the one that has it. */
export async function claimDataFolder(dataDir: string): Promise<DataFolderClaim> {
  const folder = resolve(dataDir);
  if (openHere.has(folder))
    throw new DataFolderInUseError(`The data folder ${dataDir} is already open in this process.`);
  const file = embeddedOwnerFile(folder);
  const startTicks = await ownStartTicks();
  const me: DataFolderOwner = {
    pid: process.pid,
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    ...(startTicks !== undefined && { startTicks }),
  };
  let previousOwner: DataFolderOwner | undefined;
  // Twice: the second time after removing a file its process left behind.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify(me)}\n`, { flag: "wx" });
      openHere.add(folder);
      return { previousOwner, release: () => releaseDataFolder(folder, me) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const recorded = await readOwner(file);
    if (recorded && (await isRunning(recorded))) throw new DataFolderInUseError(inUseMessage(dataDir, recorded));
    previousOwner = recorded ?? previousOwner;
    await rm(file, { force: true });
  }
  throw new DataFolderInUseError(
    `Another copy of the app is starting on the data folder ${dataDir} at the same time; start one copy only.`,
  );
}

async function releaseDataFolder(folder: string, me: DataFolderOwner): Promise<void> {
  openHere.delete(folder);
  const file = embeddedOwnerFile(folder);
  // Only our own record: never one a later process wrote.
  if ((await readOwner(file))?.pid === me.pid) await rm(file, { force: true });
}

/** The recorded owner; undefined when there is no file, or it is unreadable (a crash while writing it). */
async function readOwner(file: string): Promise<DataFolderOwner | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { pid, startedAt, startTicks } = parsed as Record<string, unknown>;
  if (!Number.isSafeInteger(pid) || typeof pid !== "number" || pid <= 0 || typeof startedAt !== "string")
    return undefined;
  return { pid, startedAt, ...(typeof startTicks === "string" && { startTicks }) };
}

/** Whether the recorded process still runs (not a later one given its pid). */
async function isRunning(owner: DataFolderOwner): Promise<boolean> {
  if (owner.pid === process.pid) return false;
  if (!canInspectProcesses()) return isSignalable(owner.pid);
  const found = await findProcess(owner.pid);
  if (!found) return false;
  return owner.startTicks === undefined || found.startTicks === owner.startTicks;
}

function inUseMessage(dataDir: string, owner: DataFolderOwner): string {
  return (
    `The data folder ${dataDir} is in use by another copy of the app (pid ${owner.pid}, running since ${owner.startedAt}). ` +
    `Stop that copy first (Ctrl-C where it runs, or kill ${owner.pid}), or set DATA_DIR to another folder for this one.`
  );
}
