// What an admin does on Settings → Alerts: add a signed webhook channel (its secret shown once),
// send a test, tune a threshold, and see an incident with what was sent where. The alert tick is
// run through /api/cron/alerts, as Vercel Cron would. A local HTTP receiver in the test process
// stands in for the merchant's endpoint.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { E2E_CRON_SECRET } from "./e2e-env";
import { expect, test } from "./fixtures";

type Received = { headers: http.IncomingHttpHeaders; body: string };

async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, stop: () => server.close() };
}

function verify(secret: string, delivery: Received) {
  return new Webhook(secret).verify(delivery.body, {
    "webhook-id": String(delivery.headers["webhook-id"]),
    "webhook-timestamp": String(delivery.headers["webhook-timestamp"]),
    "webhook-signature": String(delivery.headers["webhook-signature"]),
  }) as { type: string; data: Record<string, unknown> };
}

test("an admin wires a webhook channel, tests it, and sees an incident sent to it", async ({
  page,
  request,
  freshGrant,
}) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  const name = `Ops ${Date.now().toString(36)}`;
  try {
    await page.goto("/settings/alerts");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();

    await page.getByLabel("Kind").selectOption("webhook");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel(/Endpoint URL/).fill(receiver.url);
    await page.getByRole("button", { name: "Add channel" }).click();
    const secret = (await page.getByTestId("new-signing-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);

    const row = page.getByTestId(`channel-${name}`);
    await expect(row).toContainText("signed (…");
    await row.getByRole("button", { name: "Send test" }).click();
    await expect(row.getByRole("status")).toHaveText("Sent.");
    expect(verify(secret, receiver.received[0]!)).toMatchObject({ type: "test" });
    // The secret is not on the page any more after a reload.
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);

    // A threshold out of range is refused with its field named; a good one is saved.
    const spike = page.getByTestId("rule-failure_spike");
    await spike.getByLabel("At least").fill("0");
    await spike.getByRole("button", { name: "Save" }).click();
    await expect(spike.getByRole("status")).toContainText("threshold");
    await spike.getByLabel("At least").fill("25");
    await spike.getByRole("button", { name: "Save" }).click();
    await expect(spike.getByRole("status")).toContainText("Saved");

    // A failure with a code never seen: the tick opens a new-failure-mode incident and sends it.
    const code = `e2e_code_${Date.now().toString(36)}`;
    await freshGrant("github-failed-permission", { error_code: code });
    const refused = await request.get("/api/cron/alerts");
    expect(refused.status()).toBe(401);
    const tick = await request.get("/api/cron/alerts", {
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    expect(tick.status()).toBe(200);
    const opened = receiver.received
      .map((delivery) => verify(secret, delivery))
      .find((message) => message.type === "incident.opened" && message.data.key === code);
    expect(opened?.data).toMatchObject({ rule: "new_failure_mode", count: 1 });

    await page.reload();
    const incident = page.getByTestId("incident").filter({ hasText: code });
    await expect(incident).toContainText("Open");
    await expect(incident).toContainText(`opening → ${name} (webhook), sent`);
    await page.screenshot({ path: ".tmp/playwright/alerts-settings.png", fullPage: true });

    await page.goto("/");
    await expect(page.getByTestId("open-incidents")).toContainText(code);
  } finally {
    // Leave no open incident or live channel behind for the other specs.
    await page.goto("/settings/alerts");
    const row = page.getByTestId(`channel-${name}`);
    if (await row.count()) {
      await row.getByRole("button", { name: "Remove" }).click();
      await expect(row).toHaveCount(0);
    }
    const rule = page.getByTestId("rule-new_failure_mode");
    await rule.getByLabel("On", { exact: true }).uncheck();
    await rule.getByRole("button", { name: "Save" }).click();
    await expect(rule.getByRole("status")).toContainText("Saved");
    await request.get("/api/cron/alerts", {
      headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
    });
    await rule.getByLabel("On", { exact: true }).check();
    await rule.getByRole("button", { name: "Save" }).click();
    await expect(rule.getByRole("status")).toContainText("Saved");
    receiver.stop();
  }
});
