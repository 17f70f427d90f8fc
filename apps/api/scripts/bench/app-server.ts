// The app as `npm start` runs it in production, in its own process, for the benchmarks:
// compiled (SERVER_NODE_ARGS; call buildServer() first), NODE_ENV=production, info logging to a
// file, TRUST_PROXY=loopback. And how much memory it holds, from /proc (Linux).
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { API_DIR, serverNodeArgs } from "../../../../scripts/server-command.mjs";
import { type BenchProcess, startBenchProcess } from "./processes";

/**
 * Starts the compiled app on `databaseUrl`; `nodeArgs` go before the script (e.g. --cpu-prof),
 * `env` adds to the settings (e.g. WORKERS).
 */
export function startAppProcess(
  databaseUrl: string,
  options: { logFile: string; nodeArgs?: readonly string[]; env?: Record<string, string> },
): Promise<BenchProcess> {
  return startBenchProcess(serverNodeArgs(options.nodeArgs), {
    cwd: API_DIR,
    env: {
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      SERVER_SECRET: randomUUID() + randomUUID(),
      TRUST_PROXY: "loopback",
      HOST: "127.0.0.1",
      PUBLIC_URL: "http://localhost",
      ...options.env,
    },
    readyPath: "/api/health/ready",
    logFile: options.logFile,
  });
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MB. */
export async function readMemory(pid: number): Promise<{ peakMb: number; rssMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { peakMb: Math.round(kb("VmHWM") / 1024), rssMb: Math.round(kb("VmRSS") / 1024) };
}

/** The load average over 1, 5 and 15 minutes, as `uptime` shows it. */
export async function readLoadAverage(): Promise<string> {
  return (await readFile("/proc/loadavg", "utf8")).split(" ").slice(0, 3).join(" ");
}
