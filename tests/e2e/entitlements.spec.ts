// The entitlement pages as support uses them: from the list to one entitlement, its grants by
// status, failures with what to do, consents still waiting, and on into the grants list. Each
// test names an entitlement of its own, so counts are exact on a reused database.
import { execFileSync } from "node:child_process";
import { formatDuration } from "../../lib/format";
import { bucketMiddleMs, bucketOf } from "../../lib/grants/latency-histogram";
import { e2eDatabaseUrl, E2E_AUTH_SECRET, E2E_DODO_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

function addToCatalog(entitlementId: string) {
  execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", "tests/e2e/seed-catalog-entitlement.ts", entitlementId],
    {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), AUTH_SECRET: E2E_AUTH_SECRET },
      stdio: "inherit",
    },
  );
}

const shotsDir = process.env.SHOTS_DIR;

test("the list leads to an entitlement's counts, failures and waiting consents", async ({
  page,
  freshGrant,
}) => {
  const entitlement = `ent_e2e_${Date.now().toString(36)}`;
  const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const waiting = await freshGrant("discord-pending-oauth", {
    entitlement_id: entitlement,
    oauth_expires_at: soon,
  });
  await freshGrant("github-failed-permission", {
    entitlement_id: entitlement,
    integration_type: "discord",
  });
  await freshGrant("github-failed-permission", {
    entitlement_id: entitlement,
    integration_type: "discord",
  });
  // Delivered 42 s after it was created.
  const deliveredAt = Date.now() - 1_000;
  await freshGrant("license-key-delivered", {
    entitlement_id: entitlement,
    integration_type: "discord",
    created_at: new Date(deliveredAt - 42_000).toISOString(),
    delivered_at: new Date(deliveredAt).toISOString(),
  });
  addToCatalog(entitlement);

  await page.goto("/entitlements");
  await expect(page.getByRole("heading", { level: 1, name: "Entitlements" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: entitlement });
  await expect(row.getByRole("cell").nth(3)).toHaveText("4");
  await expect(row.getByRole("link", { name: "Failed 2" })).toBeVisible();
  if (shotsDir) await page.screenshot({ path: `${shotsDir}/entitlements.png`, fullPage: true });

  await expect(row.getByRole("cell").nth(2)).toHaveText("Active");
  await row.getByRole("link", { name: "Discord VIP role" }).click();
  await expect(page).toHaveURL(new RegExp(`/entitlements/${entitlement}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Discord VIP role/);
  const about = page.getByRole("region", { name: "Entitlement" });
  await expect(about).toContainText(entitlement);
  await expect(about).toContainText("Discord role 998877665544332211 in guild 112233445566778899");
  const recent = page.getByRole("region", { name: "Recent deliveries" });
  const week = recent.getByRole("row", { name: /Last 7 days/ });
  await expect(week).toContainText("50%");
  // The one delivery took 42 s; the page's median is read from the latency histogram's bucket.
  await expect(week).toContainText(formatDuration(bucketMiddleMs(bucketOf(42_000))));
  const codes = page.getByRole("region", { name: /Top error codes/ });
  await expect(codes).toContainText("GitHub permission denied");
  await expect(codes).toContainText("Reinstall the app");
  const consents = page.getByRole("region", { name: "Waiting for the customer's consent" });
  await expect(consents.getByRole("link", { name: waiting.id })).toBeVisible();
  await expect(consents).toContainText("in 3 days");
  if (shotsDir) {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${shotsDir}/entitlement-${scheme}.png`, fullPage: true });
    }
    await page.emulateMedia({ colorScheme: "light" });
  }

  await about.getByRole("link", { name: "Failed 2" }).click();
  await expect(page).toHaveURL(/\/grants\?q=ent_e2e_\w+&status=Failed$/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(3);
});

test("an entitlement nothing names is a 404", async ({ page }) => {
  const response = await page.goto("/entitlements/ent_never_seen_anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("No entitlement with this id")).toBeVisible();
});

test("an entitlement not yet synced gets its name from Dodo with Refresh", async ({
  page,
  request,
  freshGrant,
}) => {
  const entitlement = `ent_refresh_${Date.now().toString(36)}`;
  const added = await request.post(`${E2E_DODO_URL}/__mock/entitlements`, {
    data: { id: entitlement, integration_type: "github", name: "Pro repository access" },
  });
  expect(added.status()).toBe(201);
  await freshGrant("github-failed-permission", { entitlement_id: entitlement });

  await page.goto(`/entitlements/${entitlement}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(entitlement);
  await page.getByRole("button", { name: "Refresh from Dodo" }).click();
  await expect(page.getByRole("status")).toHaveText(
    /name, description and integration are up to date/,
  );
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pro repository access");
});
