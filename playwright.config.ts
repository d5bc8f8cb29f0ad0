// Playwright against `next start` (run `next build` first; npm test does). Uses Debian's Chromium:
// a downloaded browser cannot be had on these machines. E2E_DATABASE_PROVIDER picks the database:
// a fresh SQLite file, or a fresh database on TEST_DATABASE_URL's PostgreSQL server.
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import {
  ADMIN_STATE,
  e2eDatabaseUrl,
  E2E_ADMIN,
  E2E_ALERTS_KEY,
  E2E_AUTH_SECRET,
  E2E_CRON_SECRET,
  E2E_DODO_API_KEY,
  E2E_DODO_PORT,
  E2E_DODO_URL,
  E2E_WEBHOOK_SECRET,
} from "./tests/e2e/e2e-env";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = e2eDatabaseUrl();

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: ".tmp/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  },
  projects: [
    // Signs the admin in once through the sign-in page; the other specs start signed in.
    { name: "sign-in", testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      dependencies: ["sign-in"],
      use: { ...devices["Desktop Chrome"], storageState: ADMIN_STATE },
    },
  ],
  webServer: [
    {
      // Dodo's API, local: the grant page's revoke / fulfil / refresh and the sync talk to it, and it
      // sends its webhooks back to the e2e server as Dodo would.
      command: `npx tsx scripts/dodo-mock.ts --port ${E2E_DODO_PORT} --api-key ${E2E_DODO_API_KEY} --seed 0 --webhook-url ${baseURL}/api/webhooks/dodo --webhook-secret ${E2E_WEBHOOK_SECRET}`,
      url: `${E2E_DODO_URL}/__mock/grants`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node ${path.join("scripts", "e2e-server.mjs")}`,
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        DATABASE_URL: databaseUrl,
        DODO_PAYMENTS_WEBHOOK_KEY: E2E_WEBHOOK_SECRET,
        AUTH_SECRET: E2E_AUTH_SECRET,
        DODO_PAYMENTS_API_KEY: E2E_DODO_API_KEY,
        DODO_PAYMENTS_BASE_URL: E2E_DODO_URL,
        E2E_ADMIN_EMAIL: E2E_ADMIN.email,
        E2E_ADMIN_PASSWORD: E2E_ADMIN.password,
        E2E_PORT: String(port),
        NEXT_TELEMETRY_DISABLED: "1",
        // Alerts (tests/e2e/alerts.spec.ts): the spec runs the tick through the cron route, so
        // the in-server scheduler stays off and cannot start a sync the sync specs do not expect.
        ALERTS_ENCRYPTION_KEY: E2E_ALERTS_KEY,
        CRON_SECRET: E2E_CRON_SECRET,
        GRANTDESK_SCHEDULER: "off",
      },
    },
  ],
});
