#!/usr/bin/env node
// The configuration a Vercel build can check before it builds anything. Without it a missing
// DATABASE_URL gave a green build (db:migrate created a throwaway SQLite file inside the build)
// and a deployment where every request failed. The rule is lib/database-url.mjs's, shared with
// the runtime check in lib/env.ts, so the build fails with the message the app would give. The
// same goes for the secrets (lib/secret-rules.mjs): a missing or short AUTH_SECRET or a malformed
// webhook secret stops the app at start, and without a webhook secret every delivery is refused.
//
// Run as a script (`node scripts/deploy/check-deploy-env.mjs`): exit 1 with the problems, else 0.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { providerOf, vercelDatabaseProblem } from "../../lib/database-url.mjs";
import {
  AUTH_SECRET_MIN_LENGTH,
  AUTH_SECRET_REQUIRED,
  AUTH_SECRET_TOO_SHORT,
  splitWebhookKey,
  webhookSecretProblem,
} from "../../lib/secret-rules.mjs";

/**
 * Not a runtime message: the app starts without the webhook secret, but its webhook route then
 * answers every delivery 500 with "DODO_PAYMENTS_WEBHOOK_KEY is not set" (lib/webhooks/
 * handle-delivery.ts). On Vercel, whose only way in for grants is that route, that is a dead app.
 */
export const WEBHOOK_KEY_MISSING =
  "is not set: the deployed app would refuse every webhook delivery with a 500. Add the endpoint https://<your-production-domain>/api/webhooks/dodo in Dodo's dashboard (Developer → Webhooks) and paste its signing secret (whsec_…)";

/** "VARIABLE: problem" lines for env; empty when a deployment could run with it. */
export function deployEnvProblems(env = process.env) {
  if (!env.VERCEL) return []; // a self-hosted `next build` may use SQLite
  const problems = [];
  for (const name of ["DATABASE_URL", "DIRECT_DATABASE_URL"]) {
    const url = env[name]?.trim();
    if (!url && name === "DIRECT_DATABASE_URL") continue; // optional: DATABASE_URL is migrated
    const problem = vercelDatabaseProblem(url) ?? providerProblem(url);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  const authProblem = authSecretProblem(env.AUTH_SECRET);
  if (authProblem) problems.push(`AUTH_SECRET: ${authProblem}`);
  const webhookSecrets = splitWebhookKey(env.DODO_PAYMENTS_WEBHOOK_KEY);
  if (webhookSecrets.length === 0)
    problems.push(`DODO_PAYMENTS_WEBHOOK_KEY: ${WEBHOOK_KEY_MISSING}`);
  webhookSecrets.forEach((secret, index) => {
    const problem = webhookSecretProblem(secret, index);
    if (problem) problems.push(`DODO_PAYMENTS_WEBHOOK_KEY: ${problem}`);
  });
  return problems;
}

/**
 * lib/env.ts's AUTH_SECRET rules as they apply on Vercel, where the database is always
 * PostgreSQL (a SQLite URL is refused above): required, and long enough. Blank counts as unset,
 * as in parseEnv; the value is not trimmed, as in parseEnv.
 */
function authSecretProblem(secret) {
  if (!secret) return AUTH_SECRET_REQUIRED;
  if (secret.length < AUTH_SECRET_MIN_LENGTH) return AUTH_SECRET_TOO_SHORT;
  return undefined;
}

function providerProblem(url) {
  try {
    providerOf(url);
    return undefined;
  } catch (error) {
    return error.message;
  }
}

/** The message printed for problems, in the form lib/env.ts uses at runtime. */
export function formatProblems(problems) {
  return `Invalid configuration:\n${problems.map((line) => `  ${line}`).join("\n")}\nSee .env.example for every variable.`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = deployEnvProblems();
  if (problems.length) {
    console.error(`✖ ${formatProblems(problems)}`);
    process.exit(1);
  }
}
