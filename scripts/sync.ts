// npm run sync: list every entitlement and all its grants from Dodo's API and apply each through
// the merge rule, then the catalog, subscriptions and unnamed customers, as the dashboard's
// "Run a sync" does. Prints progress and what it found.
import { cliViewer } from "../lib/auth/viewer";
import { runSync } from "../lib/dodo/sync";
import { runCli } from "./cli";
import { progressBar } from "./demo/progress";

runCli(async () => {
  let bar: ReturnType<typeof progressBar> | undefined;
  const result = await runSync(cliViewer(), {
    trigger: "cli",
    onProgress: (progress) => {
      bar ??= progressBar(`Syncing ${progress.entitlements} entitlements`, progress.entitlements);
      bar.update(progress.entitlementsDone);
    },
  });
  const { seen, created, updated, unchanged, older, invalid } = result.counts;
  console.log(
    `${seen} grants from Dodo: ${created} new, ${updated} updated, ${unchanged} unchanged, ${older} skipped as older${invalid ? `, ${invalid} unreadable (kept as invalid events)` : ""}.`,
  );
  if (created + updated > 0)
    console.log(`${created + updated} grants had missed webhooks: see /sync in the dashboard.`);
  // Succeeded with a note: the grants are in, but the catalog or the customers were not refreshed.
  if (result.status === "succeeded" && result.error) console.warn(`⚠ ${result.error}`);
  if (result.status === "failed") throw new Error(`the sync stopped: ${result.error}`);
  if (result.status === "interrupted")
    throw new Error(
      "the sync stopped: it was marked interrupted (no heartbeat for 2 minutes) and another run may have taken over.",
    );
});
