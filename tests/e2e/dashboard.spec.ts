// What a support engineer does in the browser, on grants each test creates for itself through the
// real webhook route (fixtures.ts).
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { E2E_WEBHOOK_SECRET } from "./e2e-env";
import { signDelivery } from "../../lib/webhooks/sign";

const provider = process.env.E2E_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `.tmp/screenshots/${name}-${provider}.png`, fullPage: true });
/** Keys pressed before React has hydrated do nothing: wait until the shortcuts are live. */
const shortcutsReady = (page: Page) =>
  expect(page.locator("html[data-shortcuts=ready]")).toHaveCount(1);
const XSS = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">`;

test.beforeEach(async ({ page }) => {
  page.on("dialog", () => {
    throw new Error("a script from stored data ran");
  });
});

test("the grants list filters by status tab and finds a license key by its last characters", async ({
  page,
  freshGrant,
}) => {
  const failed = await freshGrant("github-failed-permission");
  const keyed = await freshGrant("license-key-delivered");
  const key = keyed.licenseKey!;
  await page.goto("/grants");
  await expect(page.getByRole("heading", { level: 1, name: "Grants" })).toBeVisible();
  await shot(page, "grants");
  await page
    .getByRole("navigation", { name: "Status" })
    .getByRole("link", { name: /Failed/ })
    .click();
  await expect(page).toHaveURL(/status=Failed/);
  await expect(page.getByRole("link", { name: failed.id })).toBeVisible();
  await expect(page.getByRole("link", { name: keyed.id })).toHaveCount(0);

  await page.goto("/grants");
  // The list streams in after the shell: wait for the box as well as for the shortcuts.
  await expect(page.locator("#grant-search")).toBeVisible();
  await shortcutsReady(page);
  await page.keyboard.press("/");
  await expect(page.locator("#grant-search")).toBeFocused();
  await page.keyboard.type(key.slice(-6));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${key.slice(-6)}`));
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("cell", { name: `••••${key.slice(-4)}` })).toBeVisible();

  // j selects the first row, Enter opens it.
  await shortcutsReady(page);
  await page.locator("h1").click();
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/grants/${keyed.id}$`));
});

test("a failed grant explains its error and what to do", async ({ page, freshGrant }) => {
  const failed = await freshGrant("github-failed-permission");
  await page.goto(`/grants/${failed.id}`);
  const failure = page.getByRole("region", { name: "Why delivery failed" });
  await expect(failure).toContainText("github_permission_denied");
  await expect(failure).toContainText("Reinstall the app");
  const timeline = page.getByRole("region", { name: /Timeline/ });
  await expect(timeline).toContainText("failed");
  await expect(timeline).toContainText("Applied");
  await shot(page, "grant-failed");
});

test("a license key is masked until revealed", async ({ page, freshGrant }) => {
  const keyed = await freshGrant("license-key-delivered");
  const fullKey = keyed.licenseKey!;
  await page.goto(`/grants/${keyed.id}`);
  const key = page.getByTestId("license-key");
  await expect(key).toHaveText(`••••••••${fullKey.slice(-4)}`);
  expect(await page.content()).not.toContain(fullKey);
  await shortcutsReady(page);
  await page.getByRole("button", { name: "Reveal" }).click();
  await expect(key).toHaveText(fullKey);
  await expect(page.getByRole("meter", { name: "Activations used" })).toBeVisible();
  await shot(page, "grant-license-key");
});

test("revocation, OAuth and files panels say what they mean", async ({ page, freshGrant }) => {
  const revoked = await freshGrant("revoked-subscription-cancelled");
  const pending = await freshGrant("discord-pending-oauth");
  // Delivered two hours ago: its one-hour download links have expired.
  const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
  const delivered = await freshGrant("digital-files-delivered", {
    created_at: twoHoursAgo,
    delivered_at: twoHoursAgo,
  });
  await page.goto(`/grants/${revoked.id}`);
  const revocation = page.getByRole("region", { name: "Why access was revoked" });
  await expect(revocation).toContainText("Subscription cancelled");
  await expect(revocation).toContainText("No");

  await page.goto(`/grants/${pending.id}`);
  const oauth = page.getByRole("region", { name: "Customer consent (OAuth)" });
  await expect(oauth.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(oauth).toContainText("Expired");
  await shot(page, "grant-oauth");

  await page.goto(`/grants/${delivered.id}`);
  const files = page.getByRole("region", { name: "Digital files" });
  await expect(files).toContainText("handbook.pdf");
  await expect(files).toContainText("Link expired");
  await expect(
    files.getByRole("link", { name: "https://example.com/getting-started" }),
  ).toBeVisible();
  await shot(page, "grant-files");
});

test("stored hostile text renders as text and a javascript: URL is never a link", async ({
  page,
  freshGrant,
}) => {
  const hostile = await freshGrant("github-failed-permission", {
    error_code: "weird_new_code",
    error_message: XSS,
    metadata: { note: XSS },
  });
  const files = await freshGrant("digital-files-delivered", {
    digital_product_delivery: { files: [], external_url: "javascript:alert(document.cookie)" },
  });
  await page.goto(`/grants/${hostile.id}`);
  await expect(page.getByRole("region", { name: "Why delivery failed" })).toContainText(
    "<script>window.__xss = 1</script>",
  );
  await expect(page.getByRole("region", { name: "Metadata" })).toContainText("onerror");
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();

  await page.goto(`/grants/${files.id}`);
  const panel = page.getByRole("region", { name: "Digital files" });
  await expect(panel).toContainText("javascript:alert(document.cookie)");
  await expect(panel.locator('a[href^="javascript"]')).toHaveCount(0);
});

test("an unknown grant is a real 404", async ({ page }) => {
  const response = await page.goto("/grants/grant_that_never_was");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("No grant with this id")).toBeVisible();
});

test("failures, revocations, overview and events pages", async ({ page, request, freshGrant }) => {
  await freshGrant("github-failed-permission");
  await freshGrant("revoked-subscription-cancelled");
  const invalidId = `msg_e2e_invalid_${Date.now().toString(36)}`;
  const body = "definitely { not json";
  const invalid = await request.post("/api/webhooks/dodo", {
    headers: signDelivery(E2E_WEBHOOK_SECRET, body, invalidId),
    data: body,
  });
  expect(invalid.status()).toBe(200);
  await page.goto("/failures");
  await expect(page.getByRole("link", { name: /GitHub permission denied/ })).toBeVisible();
  await shot(page, "failures");
  await page.getByRole("link", { name: /GitHub permission denied/ }).click();
  await expect(page).toHaveURL(/status=Failed&error=github_permission_denied/);

  await page.goto("/revocations");
  await expect(page.getByRole("link", { name: /Subscription cancelled/ })).toBeVisible();
  await shot(page, "revocations");

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Grants per day/ })).toBeVisible();
  await shot(page, "overview");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "overview-dark");
  await page.emulateMedia({ colorScheme: "light" });

  await page.goto("/events?outcome=invalid");
  const row = page.getByRole("row", { name: new RegExp(invalidId) });
  await expect(row).toContainText("body is not JSON");
  await shortcutsReady(page);
  await row.getByRole("button", { name: "Reprocess" }).click();
  await expect(row.getByRole("status")).toContainText("Still invalid");
  await shot(page, "events");
});

test("keyboard: ? shows the shortcuts, g f goes to failures", async ({ page }) => {
  await page.goto("/");
  await shortcutsReady(page);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.keyboard.press("g");
  await page.keyboard.press("f");
  await expect(page).toHaveURL(/\/failures$/);
});
