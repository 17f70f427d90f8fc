// Latency one request at a time: what a coordinator waits for, without the queueing that many
// connections add. Each request must answer 200; its body is read, as a browser would.
import { performance } from "node:perf_hooks";

export interface Timing {
  medianMs: number;
  p99Ms: number;
}

/** Sends `count` requests one after another and returns how long each took, in ms. */
export async function timeRequests(send: () => Promise<Response>, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const response = await send();
    const body = await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${response.status} ${body.slice(0, 300)}`);
  }
  return times;
}

/** The median and the 99th percentile (nearest rank) of some times. */
export function summariseTimes(times: readonly number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const percentile = (share: number) => sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
  return { medianMs: percentile(0.5), p99Ms: percentile(0.99) };
}
