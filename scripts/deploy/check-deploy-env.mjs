#!/usr/bin/env node
// The configuration a Vercel build can check before it builds anything. Without it a missing
// DATABASE_URL gave a green build (db:migrate created a throwaway SQLite file inside the build)
// and a deployment where every request failed. The rule is lib/database-url.mjs's, shared with
// the runtime check in lib/env.ts, so the build fails with the message the app would give.
//
// Run as a script (`node scripts/deploy/check-deploy-env.mjs`): exit 1 with the problems, else 0.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { providerOf, vercelDatabaseProblem } from "../../lib/database-url.mjs";

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
  return problems;
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
