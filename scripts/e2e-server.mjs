// The server Playwright starts: a fresh database (dropped and re-created), migrated, then
// `next start` on 127.0.0.1. DATABASE_URL and E2E_PORT come from playwright.config.ts.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { nextStartArgs, serverEnv } from "./next-start.mjs";

const url = process.env.DATABASE_URL;
const port = process.env.E2E_PORT ?? "3100";

async function resetDatabase() {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    return;
  }
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

await resetDatabase();
execFileSync("npm", ["run", "--silent", "db:migrate"], { stdio: "inherit" });
// The admin the specs sign in as (tests/e2e/auth.setup.ts).
execFileSync(
  "npm",
  [
    "run",
    "--silent",
    "user:create",
    "--",
    "--email",
    process.env.E2E_ADMIN_EMAIL,
    "--password",
    process.env.E2E_ADMIN_PASSWORD,
    "--role",
    "admin",
  ],
  { stdio: "inherit" },
);
const server = spawn(process.execPath, nextStartArgs(["-H", "127.0.0.1", "-p", port]), {
  stdio: "inherit",
  env: serverEnv(),
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
