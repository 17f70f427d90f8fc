import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import { answerClusterMetricsRequests } from "./modules/metrics/cluster-metrics";

// Several server processes on one machine (WORKERS), sharing the port through node:cluster:
// each one the whole app with its own database pool, as separate instances behind a load
// balancer would be (sessions, locks and jobs already live in PostgreSQL). The primary process
// owns the embedded database and the migrations, and only supervises.

/** How a worker learns the database URL the primary opened (the embedded server's, with its password). */
export const WORKER_DATABASE_URL = "PSU_WORKER_DATABASE_URL";
/** The message the primary sends a worker to stop as it would on SIGTERM. */
export const STOP_MESSAGE = "psu:stop";
const RESTART_DELAY_MS = 1_000;

export interface Workers {
  /** Asks every worker to finish its requests and stop, and waits until they have exited. */
  stop(): Promise<void>;
}

/**
 * Forks `count` workers and resolves once all of them listen. A worker that dies before it
 * listens fails the start; one that dies later is replaced (after a second, so a crash loop
 * does not spin).
 */
export async function startWorkers(options: { count: number; databaseUrl: string; log: Logger }): Promise<Workers> {
  const { count, databaseUrl, log } = options;
  // A scrape of /metrics reaches one worker, which asks this process for every worker's counts.
  answerClusterMetricsRequests();
  let stopping = false;
  let started = false;

  const listening = new WeakSet<Worker>();
  const fork = (): Worker => {
    const worker = cluster.fork({ [WORKER_DATABASE_URL]: databaseUrl });
    worker.once("listening", () => {
      listening.add(worker);
      if (started) log.info({ worker: worker.id }, "a replacement server worker is listening");
    });
    worker.on("exit", (code, signal) => {
      if (stopping || !started) return;
      log.error({ worker: worker.id, code, signal }, "a server worker stopped unexpectedly; starting another");
      setTimeout(() => {
        if (!stopping) fork();
      }, RESTART_DELAY_MS).unref();
    });
    return worker;
  };

  await new Promise<void>((resolve, reject) => {
    let ready = 0;
    for (let index = 0; index < count; index++) {
      const worker = fork();
      worker.once("listening", () => {
        ready += 1;
        if (ready === count) resolve();
      });
      worker.once("exit", (code) => {
        if (!started) reject(new Error(`a server worker stopped while starting (exit code ${code})`));
      });
    }
  }).catch(async (error: unknown) => {
    await stopAll();
    throw error;
  });
  started = true;
  log.info({ workers: count }, "server workers listening");

  async function stopAll(): Promise<void> {
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    await Promise.all(
      running.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            // One still starting serves nobody yet (and may not listen for messages yet): a signal
            // ends it. One already stopping (Ctrl-C reaches every process) may have closed its channel.
            if (!listening.has(worker)) worker.process.kill("SIGTERM");
            else if (worker.isConnected()) worker.send(STOP_MESSAGE);
          }),
      ),
    );
  }

  return { stop: stopAll };
}
