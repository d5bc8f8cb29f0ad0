// Alerts reach real local parts: an HTTP receiver standing in for Slack and the generic webhook,
// and an SMTP server in the test process. One message per channel per storm, one resolution
// when it clears; a channel that answers 500 is retried with backoff, then shows its error.
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { clearAlertData, insertGrants, minutesAgo } from "../support/alert-data";
import { startHttpReceiver, startSmtpServer } from "../support/alert-receivers";
import { testViewer } from "../support/viewers";

process.env.ALERTS_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
process.env.AUTH_URL = "https://grants.example.com";

const provider = inject("testProvider");
const { getDb } = await import("@/lib/db");
const { evaluateAlertRules } = await import("@/lib/alerts/evaluate-rules");
const { createAlertChannel, listAlertChannels } = await import("@/lib/alerts/channels");
const { sendDueAlerts, sendTestAlert, outboxTimings } = await import("@/lib/alerts/send-outbox");
const admin = testViewer("admin");

const receiver = await startHttpReceiver();
const smtp = await startSmtpServer();
afterAll(async () => {
  await receiver.stop();
  await smtp.stop();
});

beforeEach(async () => {
  await clearAlertData();
  receiver.received.length = 0;
  smtp.mails.length = 0;
  receiver.answerWith(200);
});

async function addAllChannels() {
  await createAlertChannel(admin, {
    kind: "slack",
    name: "Support Slack",
    url: receiver.url("/slack/T0/B0/xyzw"),
  });
  const webhook = await createAlertChannel(admin, {
    kind: "webhook",
    name: "Ops",
    url: receiver.url("/hook"),
  });
  await createAlertChannel(admin, {
    kind: "email",
    name: "Support mail",
    host: "127.0.0.1",
    port: String(smtp.port),
    security: "none",
    user: "alerts",
    password: "smtp-pass-123",
    from: "grantdesk@shop.example",
    to: "one@shop.example, two@shop.example",
  });
  return webhook.signingSecret!;
}

const byPath = (prefix: string) => receiver.received.filter((r) => r.path.startsWith(prefix));

describe(`alert channels (${provider})`, () => {
  it("a storm of 500 failures: one message per channel, one resolution when it clears", async () => {
    const signingSecret = await addAllChannels();
    await saveOnlySpikeByCode();
    const now = new Date();
    await insertGrants(500, {
      status: "Failed",
      updatedAt: minutesAgo(now, 2),
      errorCode: "discord_user_not_found",
      errorMessage: "the customer left the server",
    });
    for (let tick = 0; tick < 3; tick++) {
      const at = new Date(now.getTime() + tick * 60_000);
      await evaluateAlertRules(admin, at);
      await sendDueAlerts(admin, at);
    }
    expect(byPath("/slack")).toHaveLength(1);
    expect(byPath("/hook")).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);

    const slack = JSON.parse(byPath("/slack")[0]!.body) as { text: string };
    expect(slack.text).toContain("500 failures of discord_user_not_found");
    expect(slack.text).toContain(
      "<https://grants.example.com/grants?status=Failed&error=discord_user_not_found|Open in Grantdesk>",
    );
    expect(slack.text).toContain("the customer left the server");

    // The generic webhook is signed with the secret Grantdesk gave, Standard Webhooks style.
    const hook = byPath("/hook")[0]!;
    const verified = new Webhook(signingSecret).verify(hook.body, {
      "webhook-id": String(hook.headers["webhook-id"]),
      "webhook-timestamp": String(hook.headers["webhook-timestamp"]),
      "webhook-signature": String(hook.headers["webhook-signature"]),
    }) as { type: string; data: { count: number; rule: string } };
    expect(verified).toMatchObject({
      type: "incident.opened",
      data: { count: 500, rule: "failure_spike" },
    });

    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(["one@shop.example", "two@shop.example"]);
    expect(mail.data).toMatch(/Content-Type: text\/plain/i);
    expect(mail.data).toMatch(/Content-Type: text\/html/i);
    expect(mail.data).toContain("Subject: [Grantdesk] Failure spike");

    // Cleared: one resolution per channel, however many ticks follow.
    for (let tick = 0; tick < 3; tick++) {
      const at = new Date(now.getTime() + (20 + tick) * 60_000);
      await evaluateAlertRules(admin, at);
      await sendDueAlerts(admin, at);
    }
    expect(byPath("/slack")).toHaveLength(2);
    expect(JSON.parse(byPath("/slack")[1]!.body).text).toMatch(/^\*Resolved: Failure spike/);
    expect(byPath("/hook")).toHaveLength(2);
    expect(JSON.parse(byPath("/hook")[1]!.body)).toMatchObject({ type: "incident.resolved" });
    expect(smtp.mails).toHaveLength(2);
  });

  it("a channel answering 500 is retried with backoff, then gives up and shows its error", async () => {
    Object.assign(outboxTimings, { maxAttempts: 3 });
    try {
      await createAlertChannel(admin, {
        kind: "slack",
        name: "Broken",
        url: receiver.url("/slack/broken"),
      });
      await saveOnlySpikeByCode();
      receiver.answerWith(500);
      const now = new Date();
      await insertGrants(30, {
        status: "Failed",
        updatedAt: minutesAgo(now, 1),
        errorCode: "boom",
      });
      await evaluateAlertRules(admin, now);
      await sendDueAlerts(admin, now);
      expect(byPath("/slack")).toHaveLength(1);
      // Not due again until the backoff has passed.
      await sendDueAlerts(admin, new Date(now.getTime() + 10_000));
      expect(byPath("/slack")).toHaveLength(1);
      await sendDueAlerts(admin, new Date(now.getTime() + 31_000));
      expect(byPath("/slack")).toHaveLength(2);
      await sendDueAlerts(admin, new Date(now.getTime() + 31_000 + 121_000));
      expect(byPath("/slack")).toHaveLength(3);
      await sendDueAlerts(admin, new Date(now.getTime() + 24 * 3_600_000));
      expect(byPath("/slack")).toHaveLength(3);

      const db = await getDb();
      const delivery = await db.alertDelivery.findFirstOrThrow();
      expect(delivery).toMatchObject({ status: "failed", attempts: 3 });
      expect(delivery.lastError).toBe("Slack answered 500: receiver is down");
      const [channel] = await listAlertChannels(admin);
      expect(channel!.lastError).toBe("Slack answered 500: receiver is down");
      // The Slack URL is the credential: neither the error nor the list shows it.
      expect(JSON.stringify(channel)).not.toContain("/slack/broken");
      expect(channel!.description).toBe("Slack incoming webhook (…oken)");
    } finally {
      Object.assign(outboxTimings, { maxAttempts: 5 });
    }
  });

  it("secrets are sealed at rest and never listed", async () => {
    await addAllChannels();
    const db = await getDb();
    const stored = JSON.stringify(await db.alertChannel.findMany());
    expect(stored).not.toContain("smtp-pass-123");
    expect(stored).not.toContain("/slack/T0/B0/xyzw");
    expect(stored).not.toContain("whsec_");
    const listed = JSON.stringify(await listAlertChannels(admin));
    expect(listed).not.toContain("smtp-pass-123");
    expect(listed).not.toMatch(/v1\./);
  });

  it("send test reaches the channel at once and says when it did not", async () => {
    const { id } = await createAlertChannel(admin, {
      kind: "webhook",
      name: "Ops",
      url: receiver.url("/hook"),
    });
    expect(await sendTestAlert(admin, id)).toEqual({ sent: true, error: null });
    expect(JSON.parse(byPath("/hook")[0]!.body)).toMatchObject({ type: "test" });
    receiver.answerWith(500);
    expect(await sendTestAlert(admin, id)).toEqual({
      sent: false,
      error: "The webhook endpoint answered 500: receiver is down",
    });
    const [channel] = await listAlertChannels(admin);
    expect(channel!.lastError).toContain("answered 500");
  });

  it("an SMTP server refusing the password shows it on the channel", async () => {
    const { id } = await createAlertChannel(admin, {
      kind: "email",
      name: "Mail",
      host: "127.0.0.1",
      port: String(smtp.port),
      security: "none",
      user: "alerts",
      password: "wrong-password",
      from: "grantdesk@shop.example",
      to: "one@shop.example",
    });
    const result = await sendTestAlert(admin, id);
    expect(result.sent).toBe(false);
    expect(result.error).toMatch(/SMTP server refused/);
    expect(smtp.mails).toHaveLength(0);
  });

  it("refuses a channel with a bad address, naming the field", async () => {
    await expect(
      createAlertChannel(admin, {
        kind: "email",
        name: "x",
        host: "h",
        from: "a@b.example",
        to: "not-an-address",
      }),
    ).rejects.toThrow(/^to/);
  });
});

/** Only the by-code spike, so each test counts exactly its own messages. */
async function saveOnlySpikeByCode() {
  const db = await getDb();
  for (const rule of [
    "new_failure_mode",
    "stuck_pending",
    "silence",
    "sync_missed",
    "platform_external",
    "signature_failures",
  ])
    await db.alertSetting.create({ data: { id: rule, enabled: false } });
}
