import { readFile } from "node:fs/promises";

// What the embedded database's crash recovery needs to know about another process, read from
// Linux's /proc. Elsewhere (macOS) these answer `undefined` and the recovery stays out of it.

/** A running process as /proc shows it. */
export interface ProcessInfo {
  pid: number;
  parentPid: number;
  /** When it started, in clock ticks since boot: a pid used again later starts at another time. */
  startTicks: string;
  /** Its arguments, the program first. */
  command: string[];
}

/** True on systems with a /proc to read processes from (Linux). */
export function canInspectProcesses(): boolean {
  return process.platform === "linux";
}

/** The process `pid`, or undefined when there is none (an exited one waiting to be reaped counts as none). */
export async function findProcess(pid: number): Promise<ProcessInfo | undefined> {
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  try {
    const [stat, cmdline] = await Promise.all([
      readFile(`/proc/${pid}/stat`, "utf8"),
      readFile(`/proc/${pid}/cmdline`, "utf8"),
    ]);
    // "pid (name) state ppid ... starttime(22nd) ...": the name may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [state, parentPid] = fields;
    const startTicks = fields[19];
    if (state === undefined || parentPid === undefined || startTicks === undefined) return undefined;
    if (state === "Z" || state === "X") return undefined;
    return { pid, parentPid: Number(parentPid), startTicks, command: cmdline.split("\0").filter(Boolean) };
  } catch (error) {
    if (["ENOENT", "ESRCH"].includes(String((error as NodeJS.ErrnoException).code))) return undefined;
    throw error;
  }
}

/** When this process started, in the same ticks as `ProcessInfo.startTicks`; undefined without /proc. */
export async function ownStartTicks(): Promise<string | undefined> {
  if (!canInspectProcesses()) return undefined;
  return (await findProcess(process.pid))?.startTicks;
}

/** Whether a signal would reach `pid`: the one check there is without /proc. */
export function isSignalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, run by another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
