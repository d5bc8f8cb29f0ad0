// npm run demo: the product on the embedded SQLite default with demo data, at http://localhost:3000.
// Migrates, copies the demo entitlement catalog from the local Dodo stand-in, builds, starts
// `next start`, then loads the demo grants, customers and subscriptions by sending signed
// webhooks through the real ingestion route, exactly as Dodo would.
//   --port N        (default 3000)      --grants N   how many demo grants (default 2500)
//   --no-build      reuse the last build
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { signDelivery } from "../lib/webhooks/sign";
import { demoDeliveries, type DemoDelivery } from "./demo/demo-events";
import { progressBar } from "./demo/progress";
import { nextStartArgs, serverEnv } from "./next-start.mjs";

// Run Next directly (not through npx) so stopping the demo stops the server too.
const DEMO_ADMIN_EMAIL = "admin@demo.grantdesk.local";
const DEMO_SECRET = "whsec_ZGVtby1zZWNyZXQtZm9yLWdyYW50ZGVzaw==";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    grants: { type: "string", default: "2500" },
    "no-build": { type: "boolean", default: false },
  },
});
const baseUrl = `http://localhost:${values.port}`;
const secret = process.env.DODO_PAYMENTS_WEBHOOK_KEY?.trim().split(/\s+/)[0] || DEMO_SECRET;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DODO_PAYMENTS_WEBHOOK_KEY: process.env.DODO_PAYMENTS_WEBHOOK_KEY || DEMO_SECRET,
};

function step(
  label: string,
  command: string,
  args: string[],
  extraEnv: Record<string, string> = {},
) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(1);
  }
}

async function waitForHealth(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Grantdesk did not answer at ${baseUrl}/api/health within ${timeoutMs / 1000} s`);
}

async function send(delivery: DemoDelivery): Promise<string> {
  const body = JSON.stringify(delivery.envelope);
  const response = await fetch(`${baseUrl}/api/webhooks/dodo`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...signDelivery(secret, body, delivery.webhookId),
    },
    body,
  });
  if (!response.ok)
    throw new Error(
      `webhook ${delivery.webhookId} answered ${response.status}: ${await response.text()}`,
    );
  return ((await response.json()) as { outcome: string }).outcome;
}

async function loadDemoData() {
  const deliveries = demoDeliveries(Number(values.grants));
  const bar = progressBar("Sending demo webhooks", deliveries.length);
  const outcomes: Record<string, number> = {};
  let done = 0;
  const queue = [...deliveries];
  // In order per grant matters little (the merge rule copes), but a few lanes keep it quick.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
        const outcome = await send(delivery);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        bar.update(++done);
      }
    }),
  );
  console.log(
    `Outcomes: ${Object.entries(outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
}

async function main() {
  step("Applying database migrations", "npm", ["run", "--silent", "db:migrate"]);
  // A fresh password each run: the demo never ships a well-known login.
  const adminPassword = crypto.randomBytes(12).toString("base64url");
  step(
    "Creating the demo admin",
    "npx",
    ["tsx", "--conditions=react-server", "scripts/demo/demo-admin.ts"],
    { DEMO_ADMIN_PASSWORD: adminPassword },
  );
  step("Copying the demo entitlement catalog", "npx", [
    "tsx",
    "--conditions=react-server",
    "scripts/demo/demo-catalog.ts",
  ]);
  if (!values["no-build"]) step("Building Grantdesk", "npx", ["next", "build"]);
  console.log(`\n▶ Starting Grantdesk on ${baseUrl}`);
  const server = spawn(process.execPath, nextStartArgs(["-p", values.port]), {
    stdio: ["ignore", "ignore", "inherit"],
    env: serverEnv(env),
  });
  server.on("exit", (code) => process.exit(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => server.kill(signal));
  await waitForHealth();
  await loadDemoData();
  console.log(`\n✔ Grantdesk is running at ${baseUrl} with demo data. Press Ctrl-C to stop.`);
  console.log(
    `  Sign in as ${DEMO_ADMIN_EMAIL} with the password ${adminPassword} (new on every run).`,
  );
  // Only the built-in demo secret is printed; a merchant's own secret never is.
  const secretHint = secret === DEMO_SECRET ? ` --secret ${DEMO_SECRET}` : "";
  console.log(
    `  Send more events: npm run webhook:send -- license-key-delivered --url ${baseUrl}/api/webhooks/dodo${secretHint}`,
  );
}

main().catch((error: Error) => {
  console.error(`✖ ${error.message}`);
  process.exit(1);
});
