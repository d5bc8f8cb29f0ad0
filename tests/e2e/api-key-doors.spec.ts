// An API key over real HTTP against `next start`: it reads /api/v1, and nothing else. A page
// asked for with only the key is the signed-out answer (a redirect to sign-in), not its HTML.
import { expect, test } from "@playwright/test";

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

test("an API key reads /api/v1 but gets no dashboard page", async ({ page, playwright }) => {
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name: what will use it").fill("e2e pages probe");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!;
  expect(key).toMatch(/^gd_/);

  const api = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  expect((await api.get("/api/v1/grants")).status()).toBe(200);
  for (const path of PAGES) {
    const response = await api.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toMatch(/^\/sign-in(\?|$)/);
  }
  await api.dispose();
});
