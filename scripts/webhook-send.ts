// npm run webhook:send -- <example|file.json> [--url URL] [--secret whsec_…] [--id msg_…]
// Signs an event and POSTs it to a running Grantdesk, as Dodo would. With no argument it lists the
// built-in examples (one per case in Dodo's docs: the grant events, then payment.succeeded and
// subscription.* carrying the customer).
import fs from "node:fs";
import { parseArgs } from "node:util";
import {
  CUSTOMER_WEBHOOK_EXAMPLES,
  isCustomerWebhookExampleName,
} from "../lib/webhooks/customer-examples";
import { WEBHOOK_EXAMPLES, isWebhookExampleName } from "../lib/webhooks/examples";
import { signDelivery } from "../lib/webhooks/sign";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string", default: "http://localhost:3000/api/webhooks/dodo" },
    secret: { type: "string" },
    id: { type: "string" },
  },
});

function usage(): never {
  console.error(
    "usage: npm run webhook:send -- <example|file.json> [--url URL] [--secret whsec_…] [--id msg_…]",
  );
  const examples = [...Object.keys(WEBHOOK_EXAMPLES), ...Object.keys(CUSTOMER_WEBHOOK_EXAMPLES)];
  console.error(`examples: ${examples.join(", ")}`);
  process.exit(2);
}

function loadBody(source: string): string {
  if (isWebhookExampleName(source)) return JSON.stringify(WEBHOOK_EXAMPLES[source]());
  if (isCustomerWebhookExampleName(source))
    return JSON.stringify(CUSTOMER_WEBHOOK_EXAMPLES[source]());
  if (fs.existsSync(source)) return fs.readFileSync(source, "utf8");
  console.error(`"${source}" is neither a built-in example nor a file.`);
  usage();
}

async function main() {
  const source = positionals[0];
  if (!source) usage();
  const secret = values.secret ?? process.env.DODO_PAYMENTS_WEBHOOK_KEY?.trim().split(/\s+/)[0];
  if (!secret) {
    console.error(
      "No secret: pass --secret whsec_… or set DODO_PAYMENTS_WEBHOOK_KEY (the same one Grantdesk uses).",
    );
    process.exit(2);
  }
  const body = loadBody(source);
  const headers = signDelivery(secret, body, values.id);
  const response = await fetch(values.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  }).catch((error: Error) => {
    console.error(
      `Could not reach ${values.url}: ${error.message}. Is Grantdesk running (npm run demo / npm start)?`,
    );
    process.exit(1);
  });
  const text = await response.text();
  console.log(`${response.status} ${response.statusText} webhook-id=${headers["webhook-id"]}`);
  console.log(text);
  process.exit(response.ok ? 0 : 1);
}

void main();
