// The self-hosted scheduler: every server process wakes each minute and runs the alerts tick,
// and the sync tick beside it (a sync may take minutes; alerts must not wait for it). The leases
// make one instance do each at a time. Started from instrumentation.ts; nothing runs at start, so
// a database that is down delays the first tick's work, never the server. Failures are logged and
// tried again at the next tick.
import "server-only";
import { getEnv } from "../env";
import { runAlertsTick, runSyncTick } from "./scheduler-ticks";

const FIRST_TICK_AFTER_MS = 20_000;
const EVERY_MS = 60_000;

const globalForScheduler = globalThis as unknown as { grantdeskScheduler?: NodeJS.Timeout };

let syncRunning = false;

async function tick(): Promise<void> {
  try {
    await runAlertsTick();
  } catch (error) {
    console.error(`alerts: tick failed, next in a minute: ${(error as Error).message}`);
  }
  if (syncRunning) return;
  syncRunning = true;
  runSyncTick()
    .then((result) => {
      if (result.ran)
        console.log(
          JSON.stringify({ event: "scheduled_sync", runId: result.runId, status: result.status }),
        );
    })
    .catch((error: unknown) => {
      console.error(`scheduled sync failed, next try in a minute: ${(error as Error).message}`);
    })
    .finally(() => {
      syncRunning = false;
    });
}

/** Starts the minute timer once per process; off on Vercel and with GRANTDESK_SCHEDULER=off. */
export function startScheduler(): void {
  if (globalForScheduler.grantdeskScheduler || !getEnv().schedulerEnabled) return;
  const schedule = (delay: number) => {
    const timer = setTimeout(() => {
      void tick().finally(() => schedule(EVERY_MS));
    }, delay);
    // The timer alone must not keep a stopping server alive.
    timer.unref();
    globalForScheduler.grantdeskScheduler = timer;
  };
  schedule(FIRST_TICK_AFTER_MS);
}
