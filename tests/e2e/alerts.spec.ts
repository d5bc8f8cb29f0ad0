// What an admin does on Settings → Alerts: add a signed webhook channel (its secret shown once),
// send a test, tune a threshold, and see an incident with what was sent where; switch on the daily
// digest and see which channel it reached. The alert tick is run through /api/cron/alerts, as
// Vercel Cron would. A local HTTP receiver and an SMTP server in the test process stand in for the
// merchant's endpoint and mail server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext, Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startSmtpServer } from "../support/alert-receivers";
import { E2E_CRON_SECRET } from "./e2e-env";
import { expect, test } from "./fixtures";

const shotsDir = process.env.SHOTS_DIR;

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

/** Switches the new-failure-mode rule off for one tick, which resolves what it opened. */
async function resolveNewFailureModes(page: Page, request: APIRequestContext) {
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
    await resolveNewFailureModes(page, request);
    receiver.stop();
  }
});

test("an admin switches on the daily digest and sees the channel it reached", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const smtp = await startSmtpServer();
  const name = `Digest mail ${Date.now().toString(36)}`;
  const digest = page.getByRole("region", { name: "Daily digest" });
  try {
    await page.goto("/settings/alerts");
    await page.getByLabel("Kind").selectOption("email");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("SMTP host").fill("127.0.0.1");
    await page.getByLabel("Port", { exact: true }).fill(String(smtp.port));
    await page.getByLabel("Security").selectOption("none");
    await page.getByLabel("User", { exact: true }).fill("alerts");
    await page.getByLabel(/^Password/).fill("smtp-pass-123");
    await page.getByLabel("From").fill("grantdesk@shop.example");
    await page.getByLabel(/^To/).fill("support@shop.example");
    await page.getByRole("button", { name: "Add channel" }).click();
    await expect(page.getByTestId(`channel-${name}`)).toBeVisible();

    // Off by default; an hour out of range is refused with the field named.
    await expect(digest.getByLabel("On", { exact: true })).not.toBeChecked();
    await expect(digest.getByLabel("Hour (UTC)")).toHaveValue("7");
    await digest.getByLabel("On", { exact: true }).check();
    await digest.getByLabel("Hour (UTC)").fill("24");
    await digest.getByRole("button", { name: "Save" }).click();
    await expect(digest.getByRole("status")).toHaveText(
      "Hour (UTC) must be a whole number from 0 to 23.",
    );
    // From midnight UTC on: the next tick sends yesterday's digest. (React resets the form after
    // each submission, so the box is ticked again.)
    await digest.getByLabel("On", { exact: true }).check();
    await digest.getByLabel("Hour (UTC)").fill("0");
    await digest.getByRole("button", { name: "Save" }).click();
    await expect(digest.getByRole("status")).toHaveText("Saved.");

    const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 10);
    const digests = () =>
      smtp.mails.filter((m) => m.data.includes(`Daily digest for ${yesterday}`));
    const tick = () =>
      request.get("/api/cron/alerts", {
        headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
      });
    expect(await (await tick()).json()).toMatchObject({ ran: true, digests: 1 });
    // Sent within the tick; the SMTP server has it before the response.
    expect(digests()).toHaveLength(1);
    // Once a day: another tick sends no second one.
    expect(await (await tick()).json()).toMatchObject({ ran: true, digests: 0 });
    expect(digests()).toHaveLength(1);
    const mail = digests()[0];
    expect(mail?.to).toEqual(["support@shop.example"]);

    await page.reload();
    await expect(digest.getByLabel("On", { exact: true })).toBeChecked();
    await expect(digest.getByTestId("last-digest")).toContainText(`Last digest, for ${yesterday}:`);
    await expect(digest.getByTestId("last-digest")).toContainText(`${name}: sent`);
    await digest.screenshot({ path: `${shotsDir ?? ".tmp/playwright"}/alerts-digest-panel.png` });
    if (shotsDir)
      await page.screenshot({ path: `${shotsDir}/alerts-settings-digest.png`, fullPage: true });
  } finally {
    // Leave the digest off and no live channel behind for the other specs.
    await page.goto("/settings/alerts");
    await digest.getByLabel("On", { exact: true }).uncheck();
    await digest.getByLabel("Hour (UTC)").fill("8");
    await digest.getByRole("button", { name: "Save" }).click();
    await expect(digest.getByRole("status")).toHaveText("Saved.");
    const row = page.getByTestId(`channel-${name}`);
    if (await row.count()) {
      await row.getByRole("button", { name: "Remove" }).click();
      await expect(row).toHaveCount(0);
    }
    // Its ticks may have reopened the first test's failure within its window.
    await resolveNewFailureModes(page, request);
    await smtp.stop();
  }
});
