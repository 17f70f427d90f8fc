// Latency one request at a time: what a coordinator waits for, without the queueing that many
// connections add. Each request must answer 200; its body is read, as a browser would.
import { performance } from "node:perf_hooks";

export interface Timing {
  medianMs: number;
  p99Ms: number;
}

/** Sends `warmUps` requests untimed, then times `requests` more one after another. */
export async function timeSequentially(
  send: () => Promise<Response>,
  { warmUps, requests }: { warmUps: number; requests: number },
): Promise<Timing> {
  const once = async () => {
    const response = await send();
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${response.status} ${body.slice(0, 300)}`);
  };
  for (let index = 0; index < warmUps; index++) await once();
  const times: number[] = [];
  for (let index = 0; index < requests; index++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
}

// Nearest rank: the smallest time at least `share` of the requests took no longer than.
function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}
