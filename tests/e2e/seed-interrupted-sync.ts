// Leaves a sync "running" with a heartbeat 3 minutes old, as a function cut off by its time limit
// would: run by sync-interrupted.spec.ts with the e2e server's DATABASE_URL (npx tsx --conditions=react-server …).
import { getDb } from "../../lib/db";
import { runCli } from "../../scripts/cli";

const MINUTE = 60_000;

runCli(async () => {
  const db = await getDb();
  await db.syncRun.create({
    data: {
      id: process.argv[2] ?? "run_e2e_cut_off",
      trigger: "dashboard",
      startedBy: "admin@e2e.grantdesk.test",
      status: "running",
      runningSlot: "sync",
      startedAt: new Date(Date.now() - 8 * MINUTE),
      heartbeatAt: new Date(Date.now() - 3 * MINUTE),
      entitlements: 5,
      entitlementsDone: 2,
      doneEntitlementIds: ["ent_e2e_gone_1", "ent_e2e_gone_2"],
      seen: 140,
      unchanged: 140,
    },
  });
});
