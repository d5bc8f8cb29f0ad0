// A license key reaches the browser only when someone clicks Reveal: not in the page's HTML, not
// in the JSON it polls, not in the raw events. The reveal is then in the audit log.
import { expect, test, type Page, type Response } from "@playwright/test";
import { WEBHOOK_EXAMPLES } from "../../lib/webhooks/examples";
import { sendWebhook } from "./webhooks";

const provider = process.env.E2E_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `.tmp/screenshots/${name}-${provider}.png`, fullPage: true });
const ID = "grant_e2e_reveal";
const KEY = "LK-E2E1-R3VL-Q8TZ-7W5N";
const FRAGMENTS = [KEY, KEY.slice(0, 12), KEY.slice(5, 19)];

test.beforeAll(async ({ request }) => {
  const grant = WEBHOOK_EXAMPLES["license-key-delivered"]();
  Object.assign(grant.data, {
    id: ID,
    customer_id: "cus_e2e_reveal",
    metadata: { support_note: `sent ${KEY} by email` },
    license_key: { key: KEY, activations_used: 1, activations_limit: 3 },
  });
  expect((await sendWebhook(request, grant)).status).toBe(200);
});

/** Every response the page receives, with its body, until `stop` is called. */
function recordResponses(page: Page) {
  const seen: Promise<{ url: string; body: string }>[] = [];
  const record = (response: Response) =>
    seen.push(
      response.body().then(
        (body) => ({ url: response.url(), body: body.toString("utf8") }),
        () => ({ url: response.url(), body: "" }),
      ),
    );
  page.on("response", record);
  return async () => {
    page.off("response", record);
    return Promise.all(seen);
  };
}

test("the key is in no response until Reveal, then shown, and the reveal is audited", async ({
  page,
}) => {
  const stop = recordResponses(page);
  const polled = page.waitForResponse(
    (response) => response.url().endsWith(`/api/v1/grants/${ID}`) && response.status() === 200,
  );
  await page.goto(`/grants/${ID}`);
  await polled;
  const key = page.getByTestId("license-key");
  await expect(key).toHaveText("••••••••7W5N");
  await page.getByRole("region", { name: "Raw events" }).locator("summary").first().click();
  await expect(page.getByRole("region", { name: "Raw events" })).toContainText("••••••••7W5N");
  await expect(page.getByRole("region", { name: "Metadata" })).toContainText("••••••••7W5N");
  const before = await stop();
  expect(before.map((r) => new URL(r.url).pathname)).toEqual(
    expect.arrayContaining([`/grants/${ID}`, `/api/v1/grants/${ID}`]),
  );
  for (const { url, body } of before)
    for (const fragment of FRAGMENTS) expect(body, url).not.toContain(fragment);
  await shot(page, "grant-key-masked");

  const revealed = page.waitForResponse((response) => response.url().endsWith("/license-key"));
  await page.getByRole("button", { name: "Reveal" }).click();
  expect(await (await revealed).json()).toEqual({ key: KEY });
  await expect(key).toHaveText(KEY);
  await shot(page, "grant-key-revealed");

  await page.goto("/audit?action=license_key.revealed");
  const line = page.getByRole("row", { name: new RegExp(`revealed the license key of ${ID}`) });
  await expect(line.first()).toContainText("key ••••7W5N · Reveal or Copy");
  await expect(line.first()).not.toContainText(KEY);
  await shot(page, "audit-reveal");
});

// Not a search by the whole key: that page echoes the person's own input (box, links, export).
test("the list, a search by the last 4 and the events page carry the last 4 only", async ({
  page,
}) => {
  for (const path of ["/grants?customer=cus_e2e_reveal", "/grants?q=7W5N", "/events"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const html = await page.content();
    for (const fragment of FRAGMENTS) expect(html, path).not.toContain(fragment);
  }
  await page.goto("/grants?q=7W5N");
  await expect(page.getByRole("cell", { name: "••••7W5N" })).toBeVisible();
});
