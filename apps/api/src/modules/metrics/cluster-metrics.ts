import cluster, { type Worker } from "node:cluster";
import { randomUUID } from "node:crypto";
import { AggregatorRegistry, type Registry } from "prom-client";
import { z } from "zod";

/*
 * With WORKERS > 1 a scrape reaches whichever worker the kernel hands the connection to, so
 * each process's own counts are gathered from every worker and summed (prom-client's
 * AggregatorRegistry.aggregate) before they are answered: whichever worker answers, the
 * counters are the machine's and only ever grow (until a worker is replaced). Over IPC:
 *   the answering worker -> primary: SCRAPE; primary -> every ready worker: COLLECT;
 *   each -> primary: COLLECTED (its registry as JSON); primary -> the answering worker: ANSWER.
 * A worker is asked only once it has said READY (its app is built), so one still starting
 * does not hold a scrape; if a ready one does not answer in time the scrape fails (a missed
 * scrape is harmless, a sum with a worker left out would look like a counter reset).
 */

const READY = "psu:metrics:ready";
const SCRAPE = "psu:metrics:scrape";
const COLLECT = "psu:metrics:collect";
const COLLECTED = "psu:metrics:collected";
const ANSWER = "psu:metrics:answer";

const COLLECT_TIMEOUT_MS = 3_000;
const SCRAPE_TIMEOUT_MS = 5_000;

const MessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal(READY) }),
  z.object({ type: z.literal(SCRAPE), id: z.string() }),
  z.object({ type: z.literal(COLLECT), id: z.string() }),
  z.object({ type: z.literal(COLLECTED), id: z.string(), metrics: z.array(z.unknown()) }),
  z.object({ type: z.literal(ANSWER), id: z.string(), text: z.string().nullable() }),
]);
type Message = z.infer<typeof MessageSchema>;

function parseMessage(message: unknown): Message | null {
  const parsed = MessageSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}

/** One scrape's gathering in the primary: the workers yet to answer, and the answers so far. */
interface Collection {
  waiting: Set<Worker>;
  metrics: object[];
  /** Sums and answers once nobody is left waiting. */
  settle(): void;
}

/**
 * In the primary: answers the workers' scrapes with the sum of every ready worker's own
 * metrics. Call once, before forking.
 */
export function answerClusterMetricsRequests(): void {
  const ready = new Set<Worker>();
  const collections = new Map<string, Collection>();

  const collect = (id: string): Promise<string | null> =>
    new Promise((resolve) => {
      const workers = [...ready].filter((worker) => worker.isConnected());
      const finish = (text: string | null) => {
        clearTimeout(timer);
        collections.delete(id);
        resolve(text);
      };
      const timer = setTimeout(() => finish(null), COLLECT_TIMEOUT_MS);
      const collection: Collection = {
        waiting: new Set(workers),
        metrics: [],
        settle() {
          if (collection.waiting.size > 0) return;
          AggregatorRegistry.aggregate(collection.metrics)
            .metrics()
            .then(finish, () => finish(null));
        },
      };
      collections.set(id, collection);
      for (const worker of workers) worker.send({ type: COLLECT, id });
      collection.settle();
    });

  cluster.on("message", (worker, raw) => {
    const message = parseMessage(raw);
    if (message?.type === READY) ready.add(worker);
    if (message?.type === SCRAPE)
      void collect(message.id).then((text) => {
        if (worker.isConnected()) worker.send({ type: ANSWER, id: message.id, text });
      });
    if (message?.type === COLLECTED) {
      const collection = collections.get(message.id);
      if (!collection?.waiting.delete(worker)) return;
      collection.metrics.push(message.metrics);
      collection.settle();
    }
  });
  // A worker that dies mid-collection fails it: a sum without its counts would look like a reset.
  cluster.on("exit", (worker) => {
    ready.delete(worker);
  });
}

export interface ClusterMetrics {
  /** This process's metrics summed with every other worker's, as Prometheus text; null if they could not be gathered. */
  scrape(): Promise<string | null>;
  /** Stops answering the primary (the app is closing). */
  stop(): void;
}

/** In a worker: answers the primary's collections with `registry`, and asks it for the sum on a scrape. */
export function joinClusterMetrics(registry: Registry): ClusterMetrics {
  const answers = new Map<string, (text: string | null) => void>();
  const onMessage = (raw: unknown) => {
    const message = parseMessage(raw);
    if (message?.type === COLLECT)
      void registry.getMetricsAsJSON().then((metrics) => process.send?.({ type: COLLECTED, id: message.id, metrics }));
    if (message?.type === ANSWER) answers.get(message.id)?.(message.text);
  };
  process.on("message", onMessage);
  process.send?.({ type: READY });

  return {
    scrape: () =>
      new Promise((resolve) => {
        const id = randomUUID();
        const timer = setTimeout(() => done(null), SCRAPE_TIMEOUT_MS);
        const done = (text: string | null) => {
          clearTimeout(timer);
          answers.delete(id);
          resolve(text);
        };
        answers.set(id, done);
        process.send?.({ type: SCRAPE, id });
      }),
    stop: () => {
      process.off("message", onMessage);
    },
  };
}
