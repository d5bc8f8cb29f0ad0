// Acting through Dodo's API in the browser: sync, refresh, revoke, fulfil, and Dodo's refusals,
// against the local Dodo stand-in (which sends its webhooks back to the e2e server).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_DODO_URL } from "./e2e-env";

const provider = process.env.E2E_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `.tmp/screenshots/${name}-${provider}.png`, fullPage: true });
const T = "2026-03-01T10:00:00.000Z";

async function mockPost(request: APIRequestContext, path: string, data: unknown) {
  const response = await request.post(`${E2E_DODO_URL}/__mock/${path}`, { data });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
}

test.beforeAll(async ({ request }) => {
  await mockPost(request, "reset", {});
  await mockPost(request, "entitlements", { id: "ent_e2e_discord", integration_type: "discord" });
  await mockPost(request, "entitlements", { id: "ent_e2e_keys", integration_type: "license_key" });
  await mockPost(request, "grants", {
    id: "grant_e2e_revoke",
    entitlement_id: "ent_e2e_discord",
    customer_id: "cus_e2e_ann",
    status: "Delivered",
    created_at: T,
    updated_at: T,
    delivered_at: T,
  });
  await mockPost(request, "grants", {
    id: "grant_e2e_refused",
    entitlement_id: "ent_e2e_discord",
    customer_id: "cus_e2e_bob",
    status: "Delivered",
    created_at: T,
    updated_at: T,
    delivered_at: T,
  });
  await mockPost(request, "grants", {
    id: "grant_e2e_fulfil",
    entitlement_id: "ent_e2e_keys",
    customer_id: "cus_e2e_cat",
    status: "Pending",
    created_at: T,
    updated_at: T,
  });
});

test("an admin runs a sync that brings in the grants whose webhooks never came", async ({
  page,
}) => {
  await page.goto("/sync");
  await page.getByRole("button", { name: "Run a sync" }).click();
  await expect(page.getByTestId("sync-run").first()).toContainText("Succeeded", {
    timeout: 20_000,
  });
  await expect(
    page.getByTestId("missed-update").filter({ hasText: "grant_e2e_revoke" }),
  ).toBeVisible();
  await shot(page, "sync");
});

test("revoke asks for confirmation naming the customer, then Dodo's webhook confirms it", async ({
  page,
}) => {
  await page.goto("/grants/grant_e2e_revoke");
  await page.getByRole("button", { name: "Revoke…" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke this grant?" });
  await expect(dialog).toContainText("cus_e2e_ann");
  await expect(dialog).toContainText("the Discord role is removed");
  await shot(page, "revoke-dialog");
  await dialog.getByRole("button", { name: "Revoke access of cus_e2e_ann" }).click();
  // Pending, or already confirmed if Dodo's webhook beat the page's re-render.
  await expect(page.getByRole("region", { name: "Act in Dodo" })).toContainText(
    `Revocation requested by ${E2E_ADMIN.email}`,
  );
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Revoked");
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("pending-action")).toHaveCount(0);
  await expect(page.getByTestId("confirmed-action")).toContainText("Dodo has confirmed it.");
  await expect(page.getByText("manual").first()).toBeVisible();
});

test("Dodo's refusal reaches the admin and changes nothing", async ({ page, request }) => {
  await mockPost(request, "faults", {
    method: "DELETE",
    status: 422,
    body: { code: "INVALID_STATE", message: "this grant cannot be revoked right now" },
  });
  await page.goto("/grants/grant_e2e_refused");
  await page.getByRole("button", { name: "Revoke…" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke this grant?" });
  await dialog.getByRole("button", { name: "Revoke access of cus_e2e_bob" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    "Dodo refused the request (422): this grant cannot be revoked right now",
  );
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Delivered");
  await expect(page.getByTestId("pending-action")).toHaveCount(0);
});

test("an admin fulfils a pending license key; it turns Delivered when Dodo confirms", async ({
  page,
}) => {
  await page.goto("/grants/grant_e2e_fulfil");
  const panel = page.getByRole("region", { name: "Act in Dodo" });
  await panel.getByLabel("License key").fill("E2E-MANUAL-KEY-9F3K");
  await panel.getByLabel("Activations limit").fill("2");
  await shot(page, "fulfil");
  await panel.getByRole("button", { name: "Send key to Dodo" }).click();
  await expect(panel).toContainText(`License key sent by ${E2E_ADMIN.email}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Delivered");
  }).toPass({ timeout: 15_000 });
  await expect(page.getByText("••••9F3K").first()).toBeVisible();
});

test("refresh from Dodo picks up a change made there", async ({ page, request }) => {
  const patched = await request.patch(`${E2E_DODO_URL}/__mock/grants/grant_e2e_refused`, {
    data: {
      status: "Failed",
      error_code: "discord_role_missing",
      error_message: "The role was deleted",
    },
  });
  expect(patched.ok()).toBe(true);
  await page.goto("/grants/grant_e2e_refused");
  await page.getByRole("button", { name: "Refresh from Dodo" }).click();
  await expect(page.getByText("it had changed (a missed webhook)")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Failed");
});
