// npm run customer:forget -- --id cus_… [--dry-run]: erase a customer's email and name, and the
// raw event bodies that carried them, keeping their grants and history (README, "Personal data").
import { parseArgs } from "node:util";
import { cliViewer } from "../lib/auth/viewer";
import { forgetCustomer } from "../lib/customers/forget-customer";
import { runCli } from "./cli";

runCli(async () => {
  const { values } = parseArgs({
    options: {
      id: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const id = values.id?.trim();
  if (!id) throw new Error("--id: the Dodo customer id (cus_…) whose personal data to erase");
  const report = await forgetCustomer(cliViewer(), id, { dryRun: values["dry-run"] });
  if (!report.known && report.eventBodies === 0) {
    console.log(`Grantdesk holds nothing about ${id}: no customer record, no event naming it.`);
    return;
  }
  const profile = report.hadProfile ? "the email and name" : "no email or name (none was stored)";
  const bodies = `${report.eventBodies} raw event bod${report.eventBodies === 1 ? "y" : "ies"}`;
  console.log(
    report.dryRun
      ? `Dry run for ${id}: would erase ${profile} and remove ${bodies}. Nothing was changed.`
      : `Erased ${profile} of ${id} and removed ${bodies}. Grants and their history are kept, by id.`,
  );
});
