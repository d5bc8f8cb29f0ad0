// One page or route: warm-ups, then sequential timed requests, each until its body has been read
// to the end (a streamed page is done when its last chunk arrives, not at its first byte).
import type { Target } from "./page-targets";

export type Timed = { ms: number; status: string; bytes: number };
export type TargetResult = {
  target: Target;
  samples: Timed[];
  /** Fewer timed requests than asked for, because the first warm-up was slower than this. */
  slowAfterMs: number | null;
  startedAt: number;
  /** When the warm-ups ended and the timed requests began. */
  timedFrom: number;
  endedAt: number;
};

export type TimingOptions = {
  baseUrl: string;
  cookie: string;
  warmups: number;
  requests: number;
  slowRequests: number;
  slowPageMs: number;
  timeoutMs: number;
};

export async function timeRequest(url: string, cookie: string, timeoutMs: number): Promise<Timed> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      headers: { cookie },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.arrayBuffer();
    return {
      ms: performance.now() - started,
      status: String(response.status),
      bytes: body.byteLength,
    };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return { ms: performance.now() - started, status: timedOut ? "timeout" : "error", bytes: 0 };
  }
}

export async function timeTarget(target: Target, options: TimingOptions): Promise<TargetResult> {
  const url = `${options.baseUrl}${target.path}`;
  const startedAt = Date.now();
  let slowAfterMs: number | null = null;
  for (let i = 0; i < options.warmups; i++) {
    const warm = await timeRequest(url, options.cookie, options.timeoutMs);
    if (warm.ms > options.slowPageMs) {
      slowAfterMs = options.slowPageMs;
      break; // one slow warm-up is warm enough, and each costs as much as a timed request
    }
  }
  const count =
    slowAfterMs === null ? options.requests : Math.min(options.requests, options.slowRequests);
  if (count === options.requests) slowAfterMs = null;
  const timedFrom = Date.now();
  const samples: Timed[] = [];
  for (let i = 0; i < count; i++)
    samples.push(await timeRequest(url, options.cookie, options.timeoutMs));
  return { target, samples, slowAfterMs, startedAt, timedFrom, endedAt: Date.now() };
}
