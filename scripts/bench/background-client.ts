// Starts background-load.ts in a child process and collects its samples when the pages are done.
import { fork } from "node:child_process";
import path from "node:path";
import type { BackgroundConfig, BackgroundSample } from "./background-load";

export type BackgroundLoad = { stop(): Promise<BackgroundSample[]> };

export function startBackgroundLoad(root: string, config: BackgroundConfig): BackgroundLoad {
  const child = fork(path.join(root, "scripts/bench/background-load.ts"), [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_BACKGROUND: JSON.stringify(config) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const answered = new Promise<BackgroundSample[]>((resolve, reject) => {
    child.once("message", (samples) => resolve(samples as BackgroundSample[]));
    child.once("exit", (code) => reject(new Error(`the background load exited with ${code}`)));
  });
  // Until stop() awaits it, an early exit must not count as an unhandled rejection.
  answered.catch(() => undefined);
  return {
    stop() {
      child.send("stop");
      return answered;
    },
  };
}
