// npm run events:reprocess [-- <webhook-id>…]: parse stored invalid deliveries again and apply
// those the code now understands. Without ids, every invalid event.
import { cliViewer } from "../lib/auth/viewer";
import { disconnectDb } from "../lib/db";
import {
  reprocessEvent,
  reprocessInvalidEvents,
  type ReprocessResult,
} from "../lib/webhooks/reprocess";

function print(result: ReprocessResult) {
  console.log(`${result.webhookId}: ${result.outcome}${result.error ? ` (${result.error})` : ""}`);
}

async function main() {
  const ids = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  const viewer = cliViewer();
  const results =
    ids.length > 0
      ? await Promise.all(ids.map((id) => reprocessEvent(viewer, id)))
      : await reprocessInvalidEvents(viewer);
  results.forEach(print);
  const counts = Object.entries(
    results.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }),
      {},
    ),
  );
  console.log(
    results.length === 0
      ? "No invalid events to reprocess."
      : `Reprocessed ${results.length}: ${counts.map(([k, v]) => `${k} ${v}`).join(", ")}`,
  );
  await disconnectDb();
}

main().catch(async (error: Error) => {
  console.error(`✖ ${error.message}`);
  await disconnectDb();
  process.exit(1);
});
