// What a support engineer does in the browser, on grants created through the real webhook route.
import { expect, test, type Page } from "@playwright/test";
import { WEBHOOK_EXAMPLES } from "../../lib/webhooks/examples";
import { sendWebhook } from "./webhooks";
import { E2E_WEBHOOK_SECRET } from "./e2e-env";
import { signDelivery } from "../../lib/webhooks/sign";

const provider = process.env.E2E_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `.tmp/screenshots/${name}-${provider}.png`, fullPage: true });
/** Keys pressed before React has hydrated do nothing: wait until the shortcuts are live. */
const shortcutsReady = (page: Page) =>
  expect(page.locator("html[data-shortcuts=ready]")).toHaveCount(1);
const XSS = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">`;

test.beforeAll(async ({ request }) => {
  for (const example of Object.values(WEBHOOK_EXAMPLES))
    expect((await sendWebhook(request, example())).status).toBe(200);
  const hostile = WEBHOOK_EXAMPLES["github-failed-permission"]();
  Object.assign(hostile.data, {
    id: "grant_hostile",
    error_code: "weird_new_code",
    error_message: XSS,
    metadata: { note: XSS },
  });
  expect((await sendWebhook(request, hostile)).status).toBe(200);
  const files = WEBHOOK_EXAMPLES["digital-files-delivered"]();
  Object.assign(files.data, {
    id: "grant_files_js",
    digital_product_delivery: { files: [], external_url: "javascript:alert(document.cookie)" },
  });
  expect((await sendWebhook(request, files)).status).toBe(200);
  const body = "definitely { not json";
  const invalid = await request.post("/api/webhooks/dodo", {
    headers: signDelivery(E2E_WEBHOOK_SECRET, body, "msg_e2e_invalid"),
    data: body,
  });
  expect(invalid.status()).toBe(200);
});

test.beforeEach(async ({ page }) => {
  page.on("dialog", () => {
    throw new Error("a script from stored data ran");
  });
});

test("the grants list filters by status tab and finds a license key by its last characters", async ({
  page,
}) => {
  await page.goto("/grants");
  await expect(page.getByRole("heading", { level: 1, name: "Grants" })).toBeVisible();
  await shot(page, "grants");
  await page
    .getByRole("navigation", { name: "Status" })
    .getByRole("link", { name: /Failed/ })
    .click();
  await expect(page).toHaveURL(/status=Failed/);
  await expect(page.getByRole("link", { name: "grant_github_failed" })).toBeVisible();
  await expect(page.getByRole("link", { name: "grant_lk_delivered" })).toHaveCount(0);

  await page.goto("/grants");
  // The list streams in after the shell: wait for the box as well as for the shortcuts.
  await expect(page.locator("#grant-search")).toBeVisible();
  await shortcutsReady(page);
  await page.keyboard.press("/");
  await expect(page.locator("#grant-search")).toBeFocused();
  await page.keyboard.type("ZD-4C8P");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=ZD-4C8P/);
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("cell", { name: "••••4C8P" })).toBeVisible();

  // j selects the first row, Enter opens it.
  await shortcutsReady(page);
  await page.locator("h1").click();
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/grants\/grant_lk_delivered$/);
});

test("a failed grant explains its error and what to do", async ({ page }) => {
  await page.goto("/grants/grant_github_failed");
  const failure = page.getByRole("region", { name: "Why delivery failed" });
  await expect(failure).toContainText("github_permission_denied");
  await expect(failure).toContainText("Reinstall the app");
  const timeline = page.getByRole("region", { name: /Timeline/ });
  await expect(timeline).toContainText("failed");
  await expect(timeline).toContainText("Applied");
  await shot(page, "grant-failed");
});

test("a license key is masked until revealed", async ({ page }) => {
  await page.goto("/grants/grant_lk_delivered");
  const key = page.getByTestId("license-key");
  await expect(key).toHaveText("••••••••4C8P");
  expect(await page.content()).not.toContain("LK-7F3A-92QX-M1ZD-4C8P");
  await shortcutsReady(page);
  await page.getByRole("button", { name: "Reveal" }).click();
  await expect(key).toHaveText("LK-7F3A-92QX-M1ZD-4C8P");
  await expect(page.getByRole("meter", { name: "Activations used" })).toBeVisible();
  await shot(page, "grant-license-key");
});

test("revocation, OAuth and files panels say what they mean", async ({ page }) => {
  await page.goto("/grants/grant_github_revoked");
  const revocation = page.getByRole("region", { name: "Why access was revoked" });
  await expect(revocation).toContainText("Subscription cancelled");
  await expect(revocation).toContainText("No");

  await page.goto("/grants/grant_discord_pending");
  const oauth = page.getByRole("region", { name: "Customer consent (OAuth)" });
  await expect(oauth.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(oauth).toContainText("Expired");
  await shot(page, "grant-oauth");

  await page.goto("/grants/grant_files_delivered");
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
}) => {
  await page.goto("/grants/grant_hostile");
  await expect(page.getByRole("region", { name: "Why delivery failed" })).toContainText(
    "<script>window.__xss = 1</script>",
  );
  await expect(page.getByRole("region", { name: "Metadata" })).toContainText("onerror");
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();

  await page.goto("/grants/grant_files_js");
  const files = page.getByRole("region", { name: "Digital files" });
  await expect(files).toContainText("javascript:alert(document.cookie)");
  await expect(files.locator('a[href^="javascript"]')).toHaveCount(0);
});

test("an unknown grant is a real 404", async ({ page }) => {
  const response = await page.goto("/grants/grant_that_never_was");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("No grant with this id")).toBeVisible();
});

test("failures, revocations, overview and events pages", async ({ page }) => {
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
  const row = page.getByRole("row", { name: /msg_e2e_invalid/ });
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
