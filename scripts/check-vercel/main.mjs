#!/usr/bin/env node
// npm run check:vercel — builds Grantdesk with the Vercel CLI, offline, and checks the deployment
// it would make: `vercel build` (the project's vercel-build script: env check, migrations against
// a throwaway PostgreSQL, next build) in a copy of the checkout, then the built functions served
// the way a deployment lays them out (serve-output.mjs), then a signed webhook delivery, a
// signed-out page, the sign-in page, and the API signed out and with an API key (checks.mjs).
// Prints ✔/✖ per check and exits 1 on any failure. Needs the npm registry once, to install the
// pinned Vercel CLI into .tmp/vercel-cli (vercel-cli.mjs); nothing else leaves the machine.
//
//   CHECK_VERCEL_DIR=/path   where the copy, the build and its logs go
//                            (default: <system temp>/grantdesk-check-vercel; must not be inside
//                            the checkout). Removed after a pass, kept after a failure.
//   CHECK_VERCEL_PORT=3420   the port to serve the build on (default: a free one)
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startThrowawayPostgres } from "../prisma/throwaway-postgres.mjs";
import { CHECKS } from "./checks.mjs";
import { copyRepo } from "./repo-copy.mjs";
import { serveOutput } from "./serve-output.mjs";
import { ensureVercelCli } from "./vercel-cli.mjs";
import { runVercelBuild, writeProjectJson } from "./vercel-build.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const work = path.resolve(
  process.env.CHECK_VERCEL_DIR || path.join(os.tmpdir(), "grantdesk-check-vercel"),
);
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function step(label, run) {
  const since = Date.now();
  console.log(`▶ ${label}`);
  const result = await run();
  console.log(`  done in ${seconds(since)}`);
  return result;
}

/** The variables a Production deployment of this project has (fresh secrets every run). */
function deploymentEnv(databaseUrl) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64"),
    DODO_PAYMENTS_WEBHOOK_KEY: `whsec_${crypto.randomBytes(24).toString("base64")}`,
    DODO_PAYMENTS_ENVIRONMENT: "test_mode",
    VERCEL_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    VERCEL_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

async function main() {
  if (!path.relative(root, work).startsWith(".."))
    throw new Error(`CHECK_VERCEL_DIR must be outside ${root}`);
  const vercel = await step("Vercel CLI", () => ensureVercelCli(root));
  const postgres = await step("throwaway PostgreSQL", () => startThrowawayPostgres());
  let server;
  let passed = false;
  try {
    const env = deploymentEnv(postgres.url());
    const repo = path.join(work, "repo");
    await step(`copy of the checkout in ${repo}`, () => copyRepo(root, repo));
    writeProjectJson(repo);
    const buildLog = path.join(work, "vercel-build.log");
    const outputDir = await step(`vercel build --prod (log: ${buildLog})`, () =>
      runVercelBuild(vercel, repo, env, buildLog),
    );
    // The runtime's variables: Vercel sets VERCEL (the CLI set it for the build) and a region.
    const runtimeEnv = { ...env, VERCEL: "1", VERCEL_REGION: "iad1", NODE_ENV: "production" };
    server = await serveOutput({
      outputDir,
      repoDir: repo,
      workDir: path.join(work, "serve"),
      env: runtimeEnv,
      port: Number(process.env.CHECK_VERCEL_PORT || 0),
    });
    console.log(
      `▶ checks against the build served at ${server.url} (functions' log: ${server.functionLog})`,
    );
    const ctx = {
      url: server.url,
      root,
      env,
      databaseUrl: postgres.url(),
      webhookSecret: env.DODO_PAYMENTS_WEBHOOK_KEY.split(" ")[0],
    };
    let failures = 0;
    for (const [label, check] of CHECKS) {
      const since = Date.now();
      try {
        const detail = await check(ctx);
        console.log(`  ✔ ${label} (${detail}; ${seconds(since)})`);
      } catch (error) {
        failures += 1;
        console.log(`  ✖ ${label}: ${error.message}`);
      }
    }
    passed = failures === 0;
    console.log(
      passed
        ? `✔ check:vercel passed in ${seconds(started)}`
        : `✖ check:vercel: ${failures} of ${CHECKS.length} checks failed (${seconds(started)}); kept ${work}`,
    );
  } finally {
    await server?.close();
    await postgres.stop();
    if (passed) fs.rmSync(work, { recursive: true, force: true });
  }
  return passed;
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error) => {
    console.error(`✖ check:vercel: ${error.message}`);
    console.error(`  (${seconds(started)}; files kept in ${work})`);
    process.exit(1);
  },
);
