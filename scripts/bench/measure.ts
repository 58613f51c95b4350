import { performance } from 'node:perf_hooks';

export type Timing = Readonly<{ p50: number; p95: number; p99: number; perSecond: number }>;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Runs `run` `count` times, one after another, and reports latency percentiles in milliseconds.
 * `before` runs untimed ahead of each run (idle time, background work); `perSecond` counts timed work only.
 */
export async function timeMany(count: number, run: (index: number) => unknown, before?: (index: number) => unknown): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await before?.(i);
    const t = performance.now();
    await run(i);
    samples.push(performance.now() - t);
  }
  const total = samples.reduce((sum, sample) => sum + sample, 0);
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), perSecond: (count / total) * 1000 };
}

export const ms = (value: number): string => `${value.toFixed(3)} ms`;
