// The server's resident memory while the pages are timed: VmRSS of its process and every
// descendant, sampled, plus each one's own high-water mark (VmHWM) at the end. Linux only.
import fs from "node:fs";

function descendants(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    const current = found[i]!;
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = fs.readFileSync(`/proc/${current}/task/${task}/children`, "utf8");
        for (const child of children.split(" ").filter(Boolean)) found.push(Number(child));
      } catch {
        // The task ended between the two reads.
      }
    }
  }
  return found;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
      fs.readFileSync(`/proc/${pid}/status`, "utf8"),
    );
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export type MemorySampler = {
  /** Takes a sample now, so that a window shorter than the period still has one. */
  sampleNow(): void;
  /** The highest sampled sum of VmRSS (MB) between `since` and `until` (all of the run by default). */
  peakMb(since?: number, until?: number): number;
  /** Each process's VmHWM (MB) now, by pid. */
  highWaterMb(): Record<number, number>;
  stop(): void;
};

export function sampleServerMemory(pid: number, everyMs = 200): MemorySampler {
  const samples: { at: number; kb: number }[] = [];
  const sample = () => {
    const kb = descendants(pid).reduce((sum, p) => sum + statusKb(p, "VmRSS"), 0);
    if (kb > 0) samples.push({ at: Date.now(), kb });
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    sampleNow: sample,
    peakMb(since = 0, until = Infinity) {
      let peak = 0;
      for (const s of samples) if (s.at >= since && s.at <= until && s.kb > peak) peak = s.kb;
      return peak / 1024;
    },
    highWaterMb: () =>
      Object.fromEntries(descendants(pid).map((p) => [p, statusKb(p, "VmHWM") / 1024])),
    stop: () => clearInterval(timer),
  };
}
