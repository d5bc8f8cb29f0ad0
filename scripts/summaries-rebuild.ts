// npm run summaries:rebuild: recount GrantSummary, GrantDaily and GrantLatency from "Grant" in one
// transaction (docs/summaries.md). Never needed in normal operation: triggers keep them exact.
import { cliViewer } from "../lib/auth/viewer";
import { rebuildSummaries } from "../lib/grants/queries/rebuild-summaries";
import { runCli } from "./cli";

runCli(async () => {
  const { ms } = await rebuildSummaries(cliViewer());
  console.log(`Rebuilt the grant summaries in ${(ms / 1000).toFixed(1)} s.`);
});
