// Shared by playwright.config.ts and the specs: where the e2e server keeps its data, and the
// webhook secret it trusts (so specs can create their own grants through the real webhook route).
import path from "node:path";

export const E2E_WEBHOOK_SECRET = "whsec_ZTJlLXRlc3Qtc2VjcmV0LWZvci1ncmFudGRlc2s=";
/** Signs the e2e server's session cookies (required on PostgreSQL; fixed so reruns agree). */
export const E2E_AUTH_SECRET = "e2e-auth-secret-for-grantdesk-0123456789";
/** Seals alert channel secrets; the spec runs the alert tick through /api/cron/alerts with this. */
export const E2E_ALERTS_KEY = Buffer.alloc(32, 5).toString("base64");
export const E2E_CRON_SECRET = "e2e-cron-secret-0123456789";
/** Created by scripts/e2e-server.mjs before the server starts. */
export const E2E_ADMIN = { email: "admin@e2e.grantdesk.test", password: "e2e-owner-passphrase-7" };
/** The Dodo API stand-in the e2e server talks to (scripts/dodo-mock.ts, started by Playwright). */
export const E2E_DODO_PORT = Number(process.env.E2E_DODO_PORT ?? 3101);
export const E2E_DODO_URL = `http://127.0.0.1:${E2E_DODO_PORT}`;
export const E2E_DODO_API_KEY = "test_dodo_key";
/** The browser state of the signed-in admin, saved by auth.setup.ts for the other specs. */
export const ADMIN_STATE = ".tmp/e2e/admin-state.json";

export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_PROVIDER === "postgresql") {
    const server = process.env.TEST_DATABASE_URL;
    if (!server)
      throw new Error(
        "E2E_DATABASE_PROVIDER=postgresql needs TEST_DATABASE_URL (npm test provides one)",
      );
    const url = new URL(server);
    url.pathname = "/grantdesk_e2e";
    return url.toString();
  }
  // Relative to the project root, where Playwright runs (import.meta is unavailable in its CJS mode).
  return `file:${path.resolve(".tmp/e2e/grantdesk.db")}`;
}
