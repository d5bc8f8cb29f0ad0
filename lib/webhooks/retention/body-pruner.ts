// Retention runs by itself in every server process: first a few minutes after start (not during
// a deploy's warm-up), then hourly. Pruning is idempotent and batched, so two processes (or a
// manual `npm run events:prune`) running at once only share the work. Failures are logged and
// retried at the next hour; they never reach a request.
import "server-only";
import { getEnv } from "@/lib/env";
import { issueViewer } from "@/lib/auth/viewer";
import { pruneRawBodies } from "./prune-bodies";

const FIRST_RUN_AFTER_MS = 5 * 60_000;
const EVERY_MS = 60 * 60_000;

const globalForPruner = globalThis as unknown as { grantdeskBodyPruner?: NodeJS.Timeout };

async function pruneOnce(): Promise<void> {
  const viewer = issueViewer({
    kind: "cli",
    id: "retention",
    label: "retention (background)",
    role: "admin",
  });
  try {
    const passes = await pruneRawBodies(viewer);
    const bodies = passes.reduce((sum, pass) => sum + pass.bodies, 0);
    const bytes = passes.reduce((sum, pass) => sum + pass.bytes, 0);
    if (bodies > 0)
      console.log(JSON.stringify({ event: "retention", bodiesRemoved: bodies, bytesFreed: bytes }));
  } catch (error) {
    console.error(`retention: pruning failed, next try in an hour: ${(error as Error).message}`);
  }
}

/** Starts the hourly pruning once per process; a no-op when both limits are off. */
export function startBodyPruner(): void {
  const env = getEnv();
  if (globalForPruner.grantdeskBodyPruner) return;
  if (env.keepRawBodiesDays === null && env.keepInvalidBodiesDays === null) return;
  const schedule = (delay: number) => {
    const timer = setTimeout(() => {
      void pruneOnce().finally(() => schedule(EVERY_MS));
    }, delay);
    // The timer alone must not keep a stopping server alive.
    timer.unref();
    globalForPruner.grantdeskBodyPruner = timer;
  };
  schedule(FIRST_RUN_AFTER_MS);
}
