// An API key over real HTTP against `next start`: it reads /api/v1, and nothing else (a page
// asked for with only the key is the signed-out answer, a redirect to sign-in, not its HTML), and
// only while the person who created it is active.
import { expect, request, test, type Page } from "@playwright/test";

const provider = process.env.E2E_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `.tmp/screenshots/${name}-${provider}.png`, fullPage: true });

async function createKey(page: Page, name: string): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name: what will use it").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!;
  expect(key).toMatch(/^gd_/);
  return key;
}

/** Requests with the key alone: no cookie rides along. */
async function keyClient(page: Page, key: string) {
  return request.newContext({
    baseURL: new URL(page.url()).origin,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
}

const PAGES = [
  "/",
  "/grants",
  "/grants/grant_x",
  "/failures",
  "/revocations",
  "/events",
  "/sync",
  "/settings/team",
  "/settings/api-keys",
  "/audit",
];

test("an API key reads /api/v1 but gets no dashboard page", async ({ page }) => {
  const api = await keyClient(page, await createKey(page, "e2e pages probe"));
  expect((await api.get("/api/v1/grants")).status()).toBe(200);
  for (const path of PAGES) {
    const response = await api.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toMatch(/^\/sign-in(\?|$)/);
  }
  await api.dispose();
});

test("a key stops while its creator is disabled, and the team page says so", async ({
  page,
  browser,
}) => {
  const email = `key-maker-${Date.now()}@e2e.grantdesk.test`;
  await page.goto("/settings/team");
  const form = page.getByRole("region", { name: "Add a teammate" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password (10+ characters)").fill("key-maker-password");
  await form.getByLabel("Role").selectOption("admin");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toContainText(`Created ${email} (admin)`);

  const makerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const maker = await makerContext.newPage();
  await maker.goto("/sign-in");
  await maker.getByLabel("Email").fill(email);
  await maker.getByLabel("Password").fill("key-maker-password");
  await maker.getByRole("button", { name: "Sign in" }).click();
  await expect(maker.getByTestId("signed-in-as")).toHaveText(email);
  const api = await keyClient(maker, await createKey(maker, "made by a leaver"));
  expect((await api.get("/api/v1/stats")).status()).toBe(200);
  await makerContext.close();

  await page.goto("/settings/team");
  const row = page.getByTestId(`user-${email}`);
  await expect(row).toContainText("· 1 API key");
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("status")).toHaveText(
    "Disabled and signed out. The API key they created stops working until they are re-enabled.",
  );
  await expect(row).toContainText("· 1 API key, stopped");
  await shot(page, "team-disabled-with-key");
  expect((await api.get("/api/v1/stats")).status()).toBe(401);

  await page.goto("/settings/api-keys");
  const keyRow = page.getByTestId("api-key-made by a leaver");
  await expect(keyRow).toContainText(`by ${email} (disabled)`);
  await expect(keyRow.getByText("Stopped", { exact: true })).toBeVisible();
  await shot(page, "api-keys-stopped");

  await page.goto("/settings/team");
  await page.getByTestId(`user-${email}`).getByRole("button", { name: "Re-enable" }).click();
  await expect(page.getByTestId(`user-${email}`).getByRole("status")).toHaveText(
    "Re-enabled. The API key they created works again.",
  );
  expect((await api.get("/api/v1/stats")).status()).toBe(200);
  await api.dispose();
});
