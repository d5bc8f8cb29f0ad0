// Strict-Transport-Security on real responses of `next start`: none from the e2e server (AUTH_URL
// unset, as on localhost), and on every page and API route of a second server started here from
// the same build with an https AUTH_URL, which shows the header is decided at run time.
import { spawn, type ChildProcess } from "node:child_process";
import { expect, request, test } from "@playwright/test";
import { ADMIN_STATE, E2E_AUTH_SECRET, E2E_WEBHOOK_SECRET, e2eDatabaseUrl } from "./e2e-env";

const HSTS = "max-age=63072000; includeSubDomains";
/** Two ports above the e2e server's, which is one above the Dodo stand-in's in the usual setup. */
const HTTPS_URL_PORT = Number(process.env.E2E_PORT ?? 3100) + 2;

const GETS = [
  "/sign-in",
  "/",
  "/grants",
  "/no-such-page",
  "/api/v1/grants",
  "/api/v1/stats",
  "/api/health",
  "/api/health/live",
  "/api/auth/get-session",
];

/** Every answer's Strict-Transport-Security header, by request, signed in (the admin's session:
 * cookies are per host, not per port, and both servers share the database) and signed out. */
async function hstsHeaders(baseURL: string): Promise<Record<string, string | undefined>> {
  const seen: Record<string, string | undefined> = {};
  for (const storageState of [ADMIN_STATE, { cookies: [], origins: [] }]) {
    const api = await request.newContext({ baseURL, storageState });
    const who = typeof storageState === "string" ? "signed in" : "signed out";
    for (const path of GETS) {
      const response = await api.get(path, { maxRedirects: 0 });
      seen[`GET ${path} ${who} (${response.status()})`] =
        response.headers()["strict-transport-security"];
    }
    const webhook = await api.post("/api/webhooks/dodo", { data: "{}" });
    seen[`POST /api/webhooks/dodo (${webhook.status()})`] =
      webhook.headers()["strict-transport-security"];
    await api.dispose();
  }
  return seen;
}

test("no HSTS when AUTH_URL is unset (localhost)", async ({ baseURL }) => {
  for (const [answer, value] of Object.entries(await hstsHeaders(baseURL!)))
    expect(value, answer).toBeUndefined();
});

test.describe("with an https AUTH_URL", () => {
  test.describe.configure({ timeout: 120_000 });
  let server: ChildProcess | undefined;
  const origin = `http://127.0.0.1:${HTTPS_URL_PORT}`;

  test.beforeAll(async () => {
    server = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(HTTPS_URL_PORT)],
      {
        stdio: "ignore",
        env: {
          ...process.env,
          DATABASE_URL: e2eDatabaseUrl(),
          AUTH_SECRET: E2E_AUTH_SECRET,
          AUTH_URL: "https://grants.example.com",
          DODO_PAYMENTS_WEBHOOK_KEY: E2E_WEBHOOK_SECRET,
          NEXT_TELEMETRY_DISABLED: "1",
        },
      },
    );
    await expect
      .poll(
        () =>
          fetch(`${origin}/api/health/live`).then(
            (r) => r.status,
            () => 0,
          ),
        {
          timeout: 60_000,
        },
      )
      .toBe(200);
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("every page and API answer carries HSTS", async () => {
    const seen = await hstsHeaders(origin);
    expect(Object.keys(seen)).toContain("GET / signed in (200)");
    expect(Object.keys(seen)).toContain("GET / signed out (307)");
    for (const [answer, value] of Object.entries(seen)) expect(value, answer).toBe(HSTS);
  });
});
