// No dashboard page may run wider than a 1280 px laptop screen (#14): /revocations once did by
// ~100 px. Checked on the page and on every box that scrolls sideways (a table's card), with one
// group per known revocation reason and error code, so the widest labels are on the page.
import { WEBHOOK_EXAMPLES } from "../../lib/webhooks/examples";
import { ERROR_CODES } from "../../lib/grants/labels/error-codes";
import { REVOCATION_REASONS } from "../../lib/grants/labels/revocation-reasons";
import { expect, test, type ExampleName } from "./fixtures";

const LIST_PAGES = [
  "/",
  "/grants",
  "/customers",
  "/entitlements",
  "/events",
  "/failures",
  "/revocations",
  "/sync",
  "/settings/team",
  "/settings/api-keys",
  "/audit",
];

const DAY_MS = 86_400_000;

test.use({ viewport: { width: 1280, height: 800 } });

/** How far the page scrolls sideways, and each sideways-scrolling box's content width beyond its own. */
function overflows() {
  // A raw body (<pre>) may scroll: JSON lines are as long as they are.
  const boxes = [...document.querySelectorAll<HTMLElement>("main *")].filter(
    (el) =>
      el.tagName !== "PRE" &&
      getComputedStyle(el).overflowX === "auto" &&
      el.scrollWidth > el.clientWidth + 1,
  );
  return {
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    boxes: boxes.map(
      (el) =>
        `${el.firstElementChild?.tagName ?? el.tagName} +${el.scrollWidth - el.clientWidth} px`,
    ),
  };
}

test("no dashboard page is wider than 1280 px", async ({ page, freshGrant }) => {
  test.setTimeout(180_000);
  const grants = [];
  for (const example of Object.keys(WEBHOOK_EXAMPLES) as ExampleName[])
    grants.push(await freshGrant(example));
  // Revoked "10 months ago" and "45 minutes ago": the first and last seen times as wide as real ones.
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  for (const reason of Object.keys(REVOCATION_REASONS))
    for (const revokedAt of [ago(300 * DAY_MS), ago(45 * 60_000)])
      await freshGrant("revoked-subscription-cancelled", {
        revocation_reason: reason,
        revoked_at: revokedAt,
      });
  for (const code of Object.keys(ERROR_CODES))
    await freshGrant("github-failed-permission", { error_code: code });
  const detailPages = grants.flatMap((grant) => [
    `/grants/${grant.id}`,
    `/customers/${encodeURIComponent(String(grant.data.customer_id))}`,
    `/entitlements/${encodeURIComponent(String(grant.data.entitlement_id))}`,
  ]);
  for (const path of [...LIST_PAGES, ...new Set(detailPages)]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const found = await page.evaluate(overflows);
    expect.soft(found.page, `${path} scrolls sideways by`).toBe(0);
    expect.soft(found.boxes, `${path}: boxes that scroll sideways`).toEqual([]);
  }
});
