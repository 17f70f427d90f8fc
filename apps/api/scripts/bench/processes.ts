// Starting the benchmarks' servers as separate processes, the way they run for real.
import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { findFreePort } from "@psu/prisma";

export interface BenchProcess {
  process: ChildProcess;
  pid: number;
  url: string;
}

const READY_WITHIN_MS = 60_000;

/**
 * Runs `node <args>` in `cwd` with `env` added to this process's environment and a free PORT,
 * and resolves once `readyPath` answers 200. Output goes to `logFile`, or nowhere.
 */
export async function startBenchProcess(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; readyPath: string; logFile?: string },
): Promise<BenchProcess> {
  const port = await findFreePort();
  const output = options.logFile ? openSync(options.logFile, "w") : "ignore";
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdio: ["ignore", output, output],
  });
  if (child.pid === undefined) throw new Error(`could not start node ${args.join(" ")}`);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `node ${args.join(" ")} exited with ${child.exitCode}${options.logFile ? `: see ${options.logFile}` : ""}`,
      );
    const ready = await fetch(url + options.readyPath).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { process: child, pid: child.pid, url };
    await sleep(100);
  }
  child.kill("SIGKILL");
  throw new Error(`node ${args.join(" ")} was not ready within ${READY_WITHIN_MS / 1000} s`);
}
