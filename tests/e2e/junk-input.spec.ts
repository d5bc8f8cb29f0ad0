// Junk in the address of every page (hand-edited links, forged cursors, NUL bytes) and a signed
// webhook nested 20,000 deep: the pages still render, say what they ignored, and are never a 500.
import { expect, test } from "@playwright/test";
import { WEBHOOK_EXAMPLES } from "../../lib/webhooks/examples";
import { signDelivery } from "../../lib/webhooks/sign";
import { E2E_WEBHOOK_SECRET } from "./e2e-env";
import { sendWebhook } from "./webhooks";

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const DEEP_GRANT = "grant_e2e_deep";
const DEEP_WEBHOOK = "msg_e2e_deep";

/** Each: a list page and one parameter it must ignore, saying so. */
const LIST_JUNK: [page: string, name: string, value: string][] = [
  ["/grants", "created_from", "2024-99-99"],
  ["/grants", "updated_to", "0000-01-01"],
  ["/grants", "after", cursor([1e300, "x"])],
  ["/grants", "before", cursor(["2024-01-01", "x"])],
  ["/grants", "after", Buffer.from("not json").toString("base64url")],
  ["/grants", "q", "LK-\u0000-KEY"],
  ["/grants", "size", "1e9"],
  ["/events", "after", cursor([1e300, "x"])],
  ["/events", "after", cursor([1, 2, 3])],
  ["/events", "outcome", "exploded"],
  ["/events", "type", "entitlement_grant.\u0000"],
  ["/audit", "before", "\u0000"],
  ["/audit", "action", "constructor"],
];

/** Pages that take no query: junk in it changes nothing. */
const OTHER_PAGES = [
  "/",
  "/failures",
  "/revocations",
  "/sync",
  "/settings/team",
  "/settings/api-keys",
];

test.beforeAll(async ({ request }) => {
  const grant = WEBHOOK_EXAMPLES["license-key-delivered"]();
  Object.assign(grant.data, { id: DEEP_GRANT });
  expect((await sendWebhook(request, grant)).status).toBe(200);
  const deeper = WEBHOOK_EXAMPLES["license-key-delivered"]();
  Object.assign(deeper.data, { id: DEEP_GRANT, metadata: { placeholder: true } });
  // Built as text: JSON.stringify itself overflows the stack on an object this deep.
  const body = JSON.stringify(deeper).replace(
    '{"placeholder":true}',
    `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`,
  );
  const response = await request.post("/api/webhooks/dodo", {
    headers: {
      "content-type": "application/json",
      ...signDelivery(E2E_WEBHOOK_SECRET, body, DEEP_WEBHOOK),
    },
    data: body,
  });
  expect(response.status()).toBe(200);
  // "duplicate" when Playwright reruns this hook in a fresh worker after a failed test.
  expect(["invalid", "duplicate"]).toContain(
    ((await response.json()) as { outcome: string }).outcome,
  );
});

for (const [page, name, value] of LIST_JUNK) {
  test(`${page}?${name}=${JSON.stringify(value)} renders and says it was ignored`, async ({
    page: browser,
  }) => {
    const response = await browser.goto(`${page}?${new URLSearchParams({ [name]: value })}`);
    expect(response?.status()).toBe(200);
    await expect(browser.getByTestId("ignored-query")).toContainText(`${name}:`);
    await expect(browser.getByRole("heading", { level: 1 })).toBeVisible();
  });
}

test("pages without a query ignore junk in theirs", async ({ page }) => {
  const junk = new URLSearchParams({ created_from: "2024-99-99", after: cursor([1e300, "x"]) });
  for (const path of OTHER_PAGES) {
    const response = await page.goto(`${path}?${junk}`);
    expect(response?.status(), path).toBe(200);
  }
});

test("a grant id no grant can have is a 404, not a 500", async ({ page }) => {
  // Not %E0%A4%A: Next itself answers 500 to an undecodable segment before any route runs
  // (vercel/next.js#92527).
  for (const id of ["%00", "%25", "grant_%1B_x", "x".repeat(3000)]) {
    const response = await page.goto(`/grants/${id}`);
    expect(response?.status(), id).toBe(404);
  }
});

test("a grant whose delivery was nested 20,000 deep still renders, as do the events", async ({
  page,
}) => {
  const response = await page.goto(`/grants/${DEEP_GRANT}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("region", { name: /Timeline/ })).toContainText("Invalid");
  expect(await page.content()).not.toContain("LK-7F3A-92QX-M1ZD-4C8P");

  const events = await page.goto("/events?outcome=invalid");
  expect(events?.status()).toBe(200);
  await expect(page.getByRole("row", { name: new RegExp(DEEP_WEBHOOK) })).toContainText(
    "nested deeper than 64 levels",
  );
});
