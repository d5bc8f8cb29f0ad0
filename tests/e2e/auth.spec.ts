// Sign-in, roles and hardening in the browser and over HTTP against `next start`.
import crypto from "node:crypto";
import http from "node:http";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./e2e-env";
import { sendWebhook } from "./webhooks";
import { WEBHOOK_EXAMPLES } from "../../lib/webhooks/examples";
import { signDelivery } from "../../lib/webhooks/sign";
import { E2E_WEBHOOK_SECRET } from "./e2e-env";

const provider = process.env.E2E_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `.tmp/screenshots/${name}-${provider}.png`, fullPage: true });
const PAGES = [
  "/",
  "/grants",
  "/grants/grant_x",
  "/failures",
  "/revocations",
  "/events",
  "/settings/team",
  "/settings/api-keys",
  "/settings/alerts",
  "/audit",
];
const BYPASS_HEADERS = [
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
];

async function signedOutPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every dashboard page sends you to sign in, and back afterwards", async ({ page }) => {
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page, path).toHaveURL(
        path === "/" ? /\/sign-in$/ : `/sign-in?next=${encodeURIComponent(path)}`,
      );
    }
    await shot(page, "sign-in");
    await page.getByLabel("Email").fill(E2E_ADMIN.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await page.getByLabel("Password").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  });

  test("a forged x-middleware-subrequest header gets no further than none", async ({ request }) => {
    for (const value of ["", ...BYPASS_HEADERS]) {
      const headers: Record<string, string> = value ? { "x-middleware-subrequest": value } : {};
      for (const path of ["/", "/grants", "/settings/team"]) {
        const response = await request.get(path, { headers, maxRedirects: 0 });
        expect(response.status(), `${path} ${value}`).toBe(307);
        expect(response.headers().location, `${path} ${value}`).toContain("/sign-in");
      }
      for (const path of ["/api/v1/grants", "/api/v1/stats", "/api/v1/grants/export"]) {
        expect((await request.get(path, { headers })).status(), `${path} ${value}`).toBe(401);
      }
    }
  });

  test("pages carry a nonce CSP and the security headers; the webhook route needs no session", async ({
    request,
  }) => {
    const response = await request.get("/sign-in");
    const headers = response.headers();
    const policy = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A second request gets a different nonce.
    const again = (await request.get("/sign-in")).headers()["content-security-policy"];
    expect(again).not.toContain(nonce!);

    const delivered = await sendWebhook(request, {
      business_id: "b",
      type: "payment.succeeded",
      timestamp: new Date().toISOString(),
      data: {},
    });
    expect(delivered).toEqual({ status: 200, outcome: "ignored" });
  });
});

/**
 * A sign-in POST from one of this machine's own loopback addresses (127.x.y.z all reach the
 * server), so the throttle sees a client other than 127.0.0.1, which every other test uses.
 * Waits out the CPU gate's "busy" answers: they say nothing about the lockout.
 */
async function signInFrom(
  baseURL: string,
  localAddress: string,
  body: { email: string; password: string },
  forwardedFor: string,
): Promise<{ status: number; code?: string }> {
  for (;;) {
    const answer = await new Promise<{ status: number; code?: string; retryAfter: number }>(
      (resolve, reject) => {
        const url = new URL("/api/auth/sign-in/email", baseURL);
        const request = http.request(
          url,
          {
            method: "POST",
            localAddress,
            headers: {
              "content-type": "application/json",
              origin: url.origin,
              "x-forwarded-for": forwardedFor,
              "x-real-ip": forwardedFor,
            },
          },
          (response) => {
            let text = "";
            response.on("data", (chunk: Buffer) => (text += chunk.toString()));
            response.on("end", () =>
              resolve({
                status: response.statusCode ?? 0,
                code: (JSON.parse(text || "{}") as { code?: string }).code,
                retryAfter: Number(response.headers["retry-after"] ?? 0),
              }),
            );
          },
        );
        request.on("error", reject);
        request.end(JSON.stringify(body));
      },
    );
    if (answer.code !== "SIGN_IN_BUSY") return { status: answer.status, code: answer.code };
    await new Promise((resolve) => setTimeout(resolve, answer.retryAfter * 1000));
  }
}

test("the sign-in throttle goes by the connection's address, not by X-Forwarded-For", async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const loopback = () =>
    `127.${crypto.randomInt(1, 255)}.${crypto.randomInt(1, 255)}.${crypto.randomInt(2, 255)}`;
  const forged = () => `203.0.113.${crypto.randomInt(1, 255)}`;
  const attacker = loopback();
  // Ten wrong passwords for the admin, each claiming another address.
  for (let i = 0; i < 10; i++)
    expect(
      await signInFrom(
        baseURL!,
        attacker,
        { email: E2E_ADMIN.email, password: "wrong-password-0" },
        forged(),
      ),
    ).toEqual({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" });
  // Still the same client to the server: locked for this account, even with the right password.
  const right = { email: E2E_ADMIN.email, password: E2E_ADMIN.password };
  expect(await signInFrom(baseURL!, attacker, right, forged())).toEqual({
    status: 429,
    code: "TOO_MANY_ATTEMPTS",
  });
  // The admin, from their own address, is not locked out.
  expect((await signInFrom(baseURL!, loopback(), right, forged())).status).toBe(200);

  // Spraying: thirty accounts from one connection address, whatever each request claims.
  const sprayer = loopback();
  for (let i = 0; i < 30; i++)
    await signInFrom(
      baseURL!,
      sprayer,
      { email: `nobody-${i}@e2e.grantdesk.test`, password: "Summer2026!!" },
      forged(),
    );
  expect(
    await signInFrom(
      baseURL!,
      sprayer,
      { email: "one-more@e2e.grantdesk.test", password: "Summer2026!!" },
      forged(),
    ),
  ).toEqual({ status: 429, code: "TOO_MANY_ATTEMPTS" });
});

test("sign in, browse, sign out", async ({ browser }) => {
  const page = await signedOutPage(browser);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Grants" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Grants" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/grants");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fgrants$/);
  await page.context().close();
});

test("an admin creates a support user, who reads but cannot reprocess or manage, and is signed out when disabled", async ({
  page,
  browser,
}) => {
  const body = "still { not json";
  expect(
    (
      await page.request.post("/api/webhooks/dodo", {
        headers: signDelivery(E2E_WEBHOOK_SECRET, body, "msg_e2e_auth_invalid"),
        data: body,
      })
    ).status(),
  ).toBe(200);
  const discord = WEBHOOK_EXAMPLES["discord-pending-oauth"]();
  const grantId = discord.data.id;
  expect((await sendWebhook(page.request, discord)).status).toBe(200);
  const email = `support-${Date.now()}@e2e.grantdesk.test`;
  await page.goto("/settings/team");
  const form = page.getByRole("region", { name: "Add a teammate" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password (10+ characters)").fill("support-password-1");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toContainText(`Created ${email} (support)`);
  await expect(page.getByTestId(`user-${email}`)).toBeVisible();
  await shot(page, "team");

  const supportPage = await signedOutPage(browser);
  await signIn(supportPage, email, "support-password-1");
  await expect(supportPage.getByTestId("signed-in-as")).toHaveText(email);
  await expect(supportPage.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
  await supportPage.goto("/events?outcome=invalid");
  await expect(supportPage.getByText("An admin can reprocess it.").first()).toBeVisible();
  await expect(supportPage.getByRole("button", { name: "Reprocess" })).toHaveCount(0);
  // On a grant: support may refresh it from Dodo, but sees no revoke button (the admin does).
  await supportPage.goto(`/grants/${grantId}`);
  await expect(supportPage.getByRole("button", { name: "Refresh from Dodo" })).toBeVisible();
  await expect(supportPage.getByRole("button", { name: "Revoke…" })).toHaveCount(0);
  await page.goto(`/grants/${grantId}`);
  await expect(page.getByRole("button", { name: "Revoke…" })).toBeVisible();
  const forbidden = await supportPage.goto("/settings/team");
  expect(forbidden?.status()).toBe(403);
  await expect(
    supportPage.getByRole("heading", { name: "Only admins can open this page" }),
  ).toBeVisible();
  await shot(supportPage, "forbidden");
  expect((await supportPage.goto("/settings/alerts"))?.status()).toBe(403);

  // The admin sees the button the support user does not.
  await page.goto("/events?outcome=invalid");
  await expect(page.getByRole("button", { name: "Reprocess" }).first()).toBeVisible();

  await page.goto("/settings/team");
  await page.getByTestId(`user-${email}`).getByRole("button", { name: "Disable" }).click();
  await expect(
    page.getByTestId(`user-${email}`).getByText("Disabled and signed out."),
  ).toBeVisible();
  await supportPage.goto("/grants");
  await expect(supportPage).toHaveURL(/\/sign-in/);
  await supportPage.context().close();

  await page.goto("/audit");
  await expect(page.getByRole("cell", { name: new RegExp(`created user ${email}`) })).toBeVisible();
  await expect(
    page.getByRole("cell", { name: new RegExp(`disabled user ${email}`) }),
  ).toBeVisible();
  await shot(page, "audit");
});

test("an admin creates an API key, shown once, that works until revoked", async ({
  page,
  playwright,
}) => {
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name: what will use it").fill("e2e reader");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!;
  expect(key).toMatch(/^gd_/);
  await shot(page, "api-keys");

  const api = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    storageState: { cookies: [], origins: [] },
  });
  expect(
    (await api.get("/api/v1/grants", { headers: { authorization: `Bearer ${key}` } })).status(),
  ).toBe(200);
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await page.getByTestId("api-key-e2e reader").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("api-key-e2e reader").getByText("Revoked")).toBeVisible();
  expect(
    (await api.get("/api/v1/grants", { headers: { authorization: `Bearer ${key}` } })).status(),
  ).toBe(401);
  await api.dispose();
});

test("a server action posted from another site is refused and changes nothing", async ({
  page,
}) => {
  await page.goto("/");
  // The sign-out form carries its action id, as every progressively-enhanced server action form does.
  const actionId = (await page
    .locator('input[name^="$ACTION_ID_"]')
    .first()
    .getAttribute("name"))!.slice("$ACTION_ID_".length);
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const forged = await page.request.post("/", {
    headers: {
      "next-action": actionId,
      origin: "https://evil.example",
      cookie: cookies,
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "[]",
    maxRedirects: 0,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  // Still signed in: the forged sign-out did not run.
  await page.goto("/grants");
  await expect(page.getByRole("heading", { level: 1, name: "Grants" })).toBeVisible();
});
