import { WEBHOOK_EXAMPLES } from "../../lib/webhooks/examples";
import { expect, test, type ExampleName } from "./fixtures";

const provider = process.env.E2E_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

test("health answers over HTTP with the database in use", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, database: provider });
});

test("the shell renders every section, and grants sent by webhook show up", async ({
  page,
  freshGrant,
}) => {
  const grants = [];
  for (const example of Object.keys(WEBHOOK_EXAMPLES) as ExampleName[])
    grants.push(await freshGrant(example));
  const failed = grants.find((grant) => grant.data.status === "Failed")!;

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const label of ["Overview", "Grants", "Failures", "Revocations", "Events"]) {
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(failed.id)).toBeVisible();
  await page.screenshot({ path: `.tmp/screenshots/overview-${provider}.png`, fullPage: true });

  await nav.getByRole("link", { name: "Grants" }).click();
  await expect(page).toHaveURL(/\/grants$/);
  await expect(page.getByRole("heading", { level: 1, name: "Grants" })).toBeVisible();
  for (const grant of grants)
    await expect(page.getByRole("link", { name: grant.id, exact: true })).toBeVisible();
  await page.screenshot({ path: `.tmp/screenshots/grants-${provider}.png`, fullPage: true });
});

test("an unknown address is a real 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
