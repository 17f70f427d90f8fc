import { spawn } from "node:child_process";
import { join } from "node:path";

// So that the embedded PostgreSQL does not outlive the app for long when the app is killed
// without stopping it (kill -9, the out-of-memory killer): a tiny shell, in a session of its own,
// holds one end of a pipe whose other end only this process holds. When this process ends, however
// it ends, the shell reads end-of-file and asks the postmaster for a fast shutdown, if the folder's
// postmaster.pid still names it. On a clean stop the app dismisses it first (decision 029).
// sh's builtins only (read, test, kill): nothing to install, a shell's memory (about 1 MB).
const SCRIPT = [
  // A line means "dismissed": the app stops (or has stopped) PostgreSQL itself.
  "read -r line && exit 0",
  // End of file: the app is gone. $1 is the postmaster's pid, $2 the folder's postmaster.pid.
  '{ read -r running < "$2"; } 2>/dev/null && [ "$running" = "$1" ] && kill -INT "$1"',
].join("\n");

/** What the process name of the watchdog shell shows in `ps`. */
export const WATCHDOG_NAME = "psu-postgres-watchdog";

export interface PostmasterWatchdog {
  /** Ends the watchdog without touching PostgreSQL (call it once PostgreSQL has stopped). */
  dismiss(): void;
}

/** Starts the watchdog for the postmaster `postgresPid` running on `dataDir`. */
export function watchPostmaster(postgresPid: number, dataDir: string): PostmasterWatchdog {
  if (process.platform === "win32") return { dismiss: () => {} };
  const watchdog = spawn(
    "/bin/sh",
    ["-c", SCRIPT, WATCHDOG_NAME, String(postgresPid), join(dataDir, "postmaster.pid")],
    {
      // Its own session and process group: a signal to the app's group (Ctrl-C) leaves it to act after.
      detached: true,
      stdio: ["pipe", "ignore", "ignore"],
    },
  );
  // Without /bin/sh the app still runs; only this safety net is missing.
  watchdog.on("error", () => {});
  watchdog.stdin?.on("error", () => {});
  // Neither the shell nor the pipe keeps this process alive.
  watchdog.unref();
  const pipe: unknown = watchdog.stdin;
  if (pipe && typeof pipe === "object" && "unref" in pipe && typeof pipe.unref === "function") pipe.unref();
  return {
    dismiss: () => {
      if (watchdog.stdin && !watchdog.stdin.destroyed) watchdog.stdin.end("dismissed\n");
    },
  };
}
