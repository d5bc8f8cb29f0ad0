// npm run events:prune [-- --dry-run] [--vacuum] [--batch-size N]: drop the raw bodies past
// their retention now (the server also does it hourly). --dry-run only counts what would go.
import { parseArgs } from "node:util";
import { cliViewer } from "../lib/auth/viewer";
import { getDriver } from "../lib/db";
import { formatBytes, describePass } from "../lib/webhooks/retention/prune-report";
import { DEFAULT_BATCH_SIZE, pruneRawBodies } from "../lib/webhooks/retention/prune-bodies";
import { returnFreeSpace } from "../lib/webhooks/retention/vacuum";
import { runCli } from "./cli";

runCli(async () => {
  const { values } = parseArgs({
    options: {
      "dry-run": { type: "boolean", default: false },
      vacuum: { type: "boolean", default: false },
      "batch-size": { type: "string", default: String(DEFAULT_BATCH_SIZE) },
    },
  });
  const batchSize = Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error("--batch-size: a whole number ≥ 1");
  const dryRun = values["dry-run"];
  const passes = await pruneRawBodies(cliViewer(), { dryRun, batchSize });
  for (const pass of passes) console.log(describePass(pass, dryRun));
  const bytes = passes.reduce((sum, pass) => sum + pass.bytes, 0);
  const bodies = passes.reduce((sum, pass) => sum + pass.bodies, 0);
  console.log(
    dryRun
      ? `Dry run: would remove ${bodies} bodies, about ${formatBytes(bytes)}. Nothing was changed.`
      : `Removed ${bodies} bodies, about ${formatBytes(bytes)}.`,
  );
  if (values.vacuum && !dryRun) console.log(await returnFreeSpace(getDriver()));
  else if (!dryRun && bodies > 0) console.log(spaceNote(getDriver().provider));
});

function spaceNote(provider: "sqlite" | "postgresql"): string {
  return provider === "sqlite"
    ? "SQLite reuses the freed pages for new deliveries; the file does not shrink. `--vacuum` returns the space to the disk (it rewrites the whole file and blocks every write while it runs)."
    : "PostgreSQL reuses the space once autovacuum has passed over the table; the files do not shrink.";
}
