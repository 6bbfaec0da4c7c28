import { Session } from "inspector";

/** Timing and memory helpers shared by the benchmarks. */

/** The middle value (the upper middle of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall-clock milliseconds one call takes. */
export function timeMs(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Each rival's times, run i of one next to run i of the other. */
export interface Race {
  a: number[];
  b: number[];
}

/** Times two rivals `runs` times each, interleaved so both see the same machine state, after `warmUps` untimed calls of each. */
export function race(a: () => unknown, b: () => unknown, runs: number, warmUps: number): Race {
  for (let i = 0; i < warmUps; i++) {
    a();
    b();
  }
  const times: Race = { a: [], b: [] };
  for (let i = 0; i < runs; i++) {
    times.a.push(timeMs(a));
    times.b.push(timeMs(b));
  }
  return times;
}

let inspector: Session | undefined;

/** A DevTools-protocol call; the in-process session answers synchronously. */
function send(method: string, params: object = {}): object | undefined {
  if (!inspector) {
    inspector = new Session();
    inspector.connect();
  }
  let answer: object | undefined;
  let failure: Error | null = null;
  inspector.post(method, params, (error, result) => {
    failure = error;
    answer = result;
  });
  if (failure) throw failure;
  return answer;
}

/** Sampling interval of the heap profiler, in bytes: fine enough for megabyte-sized counts. */
export const SAMPLE_BYTES = 1024;

/**
 * The bytes one call allocates, garbage included: on the JS heap, from V8's sampling heap profiler
 * told to keep objects that collections free during the call; plus new typed-array buffers, which
 * live outside the heap (process.memoryUsage().arrayBuffers, counted from a collected heap, so
 * needs node --expose-gc).
 */
export function allocatedBytes(run: () => unknown): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("Run with node --expose-gc to measure memory per call.");
  collect();
  send("HeapProfiler.startSampling", {
    samplingInterval: SAMPLE_BYTES,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  // Read right around the call: stopping the profiler may collect the call's buffers.
  const buffersBefore = process.memoryUsage().arrayBuffers;
  run();
  const buffers = process.memoryUsage().arrayBuffers - buffersBefore;
  const { profile } = send("HeapProfiler.stopSampling") as { profile: { samples: { size: number }[] } };
  return profile.samples.reduce((sum, sample) => sum + sample.size, 0) + buffers;
}
