// npm run apikey:create -- --name N
// Creates an API key for /api/v1/* and prints it alone on the last line (for scripts:
// `KEY=$(npm run --silent apikey:create -- --name ci | tail -n1)`). It is shown this once only.
// A key made here has no creator: it belongs to the team and keeps working whoever is disabled,
// until it is revoked (a key made in the app stops while its creator is disabled).
import { parseArgs } from "node:util";
import { createApiKey } from "../lib/auth/api-keys";
import { cliViewer } from "../lib/auth/viewer";
import { runCli } from "./cli";

runCli(async () => {
  const { values } = parseArgs({ options: { name: { type: "string" } } });
  if (!values.name)
    throw new Error("--name is required\nusage: npm run apikey:create -- --name <what it is for>");
  const key = await createApiKey(cliViewer(), values.name);
  console.log(
    `Created API key "${key.name}". Send it as "Authorization: Bearer <key>". It is not shown again:`,
  );
  console.log(key.key);
});
