// Light and dark screenshots of every page, for looking at a visual change (#14). Runs only when
// SHOTS_DIR names a folder: `SHOTS_DIR=/tmp/shots node scripts/test.mjs e2e --db sqlite screenshots`.
import { WEBHOOK_EXAMPLES } from "../../lib/webhooks/examples";
import { expect, test, type ExampleName } from "./fixtures";

const shotsDir = process.env.SHOTS_DIR;

const PAGES: [name: string, path: string][] = [
  ["overview", "/"],
  ["grants", "/grants"],
  ["customers", "/customers"],
  ["entitlements", "/entitlements"],
  ["events", "/events"],
  ["failures", "/failures"],
  ["revocations", "/revocations"],
  ["sync", "/sync"],
  ["settings-team", "/settings/team"],
  ["settings-api-keys", "/settings/api-keys"],
  ["settings-alerts", "/settings/alerts"],
  ["audit", "/audit"],
];

test.skip(!shotsDir, "set SHOTS_DIR to take screenshots");

test("screenshots of every page, light and dark", async ({ page, browser, freshGrant }) => {
  test.setTimeout(180_000);
  // One grant page per example: each integration's panels (key, files, OAuth, revocation, failure).
  const grantPages: [string, string][] = [];
  // The customer and entitlement pages share the grant page's header: one of each id the examples name.
  const otherPages = new Map<string, string>();
  for (const example of Object.keys(WEBHOOK_EXAMPLES) as ExampleName[]) {
    const grant = await freshGrant(example);
    grantPages.push([`grant-${example}`, `/grants/${grant.id}`]);
    for (const [kind, id] of [
      ["customer", grant.data.customer_id],
      ["entitlement", grant.data.entitlement_id],
    ] as const)
      otherPages.set(`${kind}-${String(id)}`, `/${kind}s/${encodeURIComponent(String(id))}`);
  }
  grantPages.push(...otherPages);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [name, path] of [...PAGES, ...grantPages]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await page.screenshot({ path: `${shotsDir}/${name}-${scheme}.png`, fullPage: true });
    }
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.screenshot({ path: `${shotsDir}/not-found-${scheme}.png`, fullPage: true });
    await page.goto("/grants/no-such-grant");
    await expect(page.getByText("No grant with this id")).toBeVisible();
    await page.screenshot({ path: `${shotsDir}/grant-not-found-${scheme}.png`, fullPage: true });
    await page.goto("/");
    await expect(page.locator("html[data-shortcuts=ready]")).toBeAttached();
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.screenshot({ path: `${shotsDir}/shortcuts-${scheme}.png` });
    await page.keyboard.press("Escape");
    const context = await browser.newContext({
      colorScheme: scheme,
      storageState: { cookies: [], origins: [] },
    });
    const signedOut = await context.newPage();
    await signedOut.goto("/sign-in");
    await signedOut.screenshot({ path: `${shotsDir}/sign-in-${scheme}.png`, fullPage: true });
    await context.close();
  }
});
