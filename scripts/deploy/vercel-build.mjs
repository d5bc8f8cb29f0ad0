#!/usr/bin/env node
// `npm run vercel-build`, Vercel's build command: refuse a configuration that would deploy a dead
// app, apply the migrations, then `next build`.
//
//   GRANTDESK_SKIP_MIGRATE=1   build without migrating, e.g. on Preview deployments that share a
//                              database with production or whose schema is migrated elsewhere
//                              (README, "Deploy to Vercel"; docs/database.md, "Previews")
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { deployEnvProblems, formatProblems } from "./check-deploy-env.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "../..");

function step(label, args) {
  console.log(`▶ ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

const problems = deployEnvProblems();
if (problems.length) {
  console.error(`✖ ${formatProblems(problems)}`);
  process.exit(1);
}

if (process.env.GRANTDESK_SKIP_MIGRATE === "1") {
  console.log(
    "▶ migrations skipped (GRANTDESK_SKIP_MIGRATE=1): the database must already be migrated",
  );
} else {
  step("apply migrations (npm run db:migrate)", [path.join(root, "scripts/prisma/migrate.mjs")]);
}
step("next build", [require.resolve("next/dist/bin/next"), "build"]);
