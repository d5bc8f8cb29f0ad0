// The daily digest against a real database and an SMTP server in the test process: the alerts tick
// queues one per enabled email channel once per UTC day from the hour set (the database's unique
// key, not only the lease, keeps it at one), and the mail carries the day before's numbers from
// the trigger-kept counters.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { clearAlertData, insertGrants } from "../support/alert-data";
import { startHttpReceiver, startSmtpServer, type Mail } from "../support/alert-receivers";
import { makeUser, mockNextHeaders, requestHeaders, signIn } from "../support/auth";
import { testViewer } from "../support/viewers";

mockNextHeaders();
process.env.ALERTS_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
// The sign-in origin too: Better Auth refuses another one.
process.env.AUTH_URL = "http://grantdesk.test";

const provider = inject("testProvider");
const { getDb } = await import("@/lib/db");
const { createHashGate, replaceHashGate } = await import("@/lib/auth/hash-gate");
const { createAlertChannel } = await import("@/lib/alerts/channels");
const { queueDailyDigests } = await import("@/lib/alerts/daily-digest");
const { saveDailyDigestSetting, getDailyDigestSetting } =
  await import("@/lib/alerts/digest-settings");
const { getLastDigest } = await import("@/lib/alerts/last-digest");
const { RULE_IDS } = await import("@/lib/alerts/rules");
const { runAlertsTick } = await import("@/lib/alerts/scheduler-ticks");
const { sendDueAlerts } = await import("@/lib/alerts/send-outbox");
const admin = testViewer("admin");

const receiver = await startHttpReceiver();
const smtp = await startSmtpServer();
afterAll(async () => {
  await receiver.stop();
  await smtp.stop();
});

beforeAll(() => {
  const wide = { perSecond: 1_000, burst: 1_000 };
  replaceHashGate(createHashGate({ perAddress: wide, global: wide }));
});

beforeEach(async () => {
  await clearAlertData();
  receiver.received.length = 0;
  smtp.mails.length = 0;
  // No rule opens an incident on these ticks: each test counts only digests.
  const db = await getDb();
  for (const rule of RULE_IDS) await db.alertSetting.create({ data: { id: rule, enabled: false } });
});

/** 2031-05-20, a day no other row of this database falls on; the digest reports on the 19th. */
const at = (time: string, day = "2031-05-20") => new Date(`${day}T${time}Z`);
const YESTERDAY = "2031-05-19";

function emailChannel(name: string) {
  return createAlertChannel(admin, {
    kind: "email",
    name,
    host: "127.0.0.1",
    port: String(smtp.port),
    security: "none",
    user: "alerts",
    password: "smtp-pass-123",
    from: "grantdesk@shop.example",
    to: `${name.toLowerCase().replace(/\W/g, "")}@shop.example`,
  });
}

/** One of every kind, and an email channel switched off: two should get the digest. */
async function addChannels() {
  const first = await emailChannel("Support mail");
  const second = await emailChannel("Founder mail");
  const off = await emailChannel("Old mail");
  const db = await getDb();
  await db.alertChannel.update({ where: { id: off.id }, data: { enabled: false } });
  await createAlertChannel(admin, { kind: "slack", name: "Slack", url: receiver.url("/slack/x") });
  await createAlertChannel(admin, { kind: "webhook", name: "Ops", url: receiver.url("/hook") });
  return [first.id, second.id].sort();
}

const digestRows = async () =>
  (await getDb()).alertDelivery.findMany({
    where: { kind: "digest" },
    orderBy: [{ digestDay: "asc" }, { channelId: "asc" }],
  });

const digestsOf = (tick: Awaited<ReturnType<typeof runAlertsTick>>) =>
  tick.ran ? tick.digests : Number.NaN;

/** The plain-text part of a raw message, quoted-printable decoded. */
function plainText(mail: Mail): string {
  const part = /Content-Type: text\/plain[^]*?\r\n\r\n([^]*?)\r\n--/i.exec(mail.data)?.[1] ?? "";
  return part
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, "\n");
}

describe(`daily digest (${provider})`, () => {
  it("is queued from the hour on, once a day, for each enabled email channel only", async () => {
    const emailIds = await addChannels();
    await saveDailyDigestSetting(admin, { enabled: true, hourUtc: 9 });

    expect(digestsOf(await runAlertsTick({ now: at("08:59:59") }))).toBe(0);
    expect(await digestRows()).toHaveLength(0);

    expect(digestsOf(await runAlertsTick({ now: at("09:00:30") }))).toBe(2);
    const rows = await digestRows();
    expect(rows.map((row) => row.channelId).sort()).toEqual(emailIds);
    expect(rows.every((row) => row.digestDay === YESTERDAY && row.status === "sent")).toBe(true);
    expect(smtp.mails).toHaveLength(2);
    expect(receiver.received).toHaveLength(0);

    for (const time of ["09:01:30", "15:00:00", "23:59:59"])
      expect(digestsOf(await runAlertsTick({ now: at(time) })), time).toBe(0);
    expect(await digestRows()).toHaveLength(2);
    expect(smtp.mails).toHaveLength(2);

    // The next day, the next digest.
    expect(digestsOf(await runAlertsTick({ now: at("08:00:00", "2031-05-21") }))).toBe(0);
    expect(digestsOf(await runAlertsTick({ now: at("09:10:00", "2031-05-21") }))).toBe(2);
    expect((await digestRows()).map((row) => row.digestDay)).toEqual([
      YESTERDAY,
      YESTERDAY,
      "2031-05-20",
      "2031-05-20",
    ]);
    expect(await getLastDigest(admin)).toMatchObject({
      day: "2031-05-20",
      deliveries: [
        { status: "sent", channel: { kind: "email" } },
        { status: "sent", channel: { kind: "email" } },
      ],
    });
  });

  it("two ticks at once, or two queuings past the lease, queue one per channel", async () => {
    const { id } = await emailChannel("Support mail");
    await saveDailyDigestSetting(admin, { enabled: true, hourUtc: 9 });
    const ticks = await Promise.all([
      runAlertsTick({ now: at("10:00:00"), holder: "instance-1" }),
      runAlertsTick({ now: at("10:00:00"), holder: "instance-2" }),
    ]);
    expect(ticks.map((tick) => (tick.ran ? tick.digests : 0)).reduce((a, b) => a + b)).toBe(1);

    const next = at("10:00:00", "2031-05-21");
    const queued = await Promise.all([
      queueDailyDigests(admin, next),
      queueDailyDigests(admin, next),
      queueDailyDigests(admin, next),
    ]);
    expect(queued.reduce((a, b) => a + b)).toBe(1);
    expect(await digestRows()).toHaveLength(2);

    // The database itself refuses a second digest for a day and channel.
    const db = await getDb();
    await expect(
      db.alertDelivery.create({
        data: { id: "dup", channelId: id, kind: "digest", digestDay: YESTERDAY },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("carries the day before's numbers and the open incidents, and a retry sends the same", async () => {
    await emailChannel("Support mail");
    await saveDailyDigestSetting(admin, { enabled: true, hourUtc: 9 });
    const day = (time: string) => at(time, YESTERDAY);
    await insertGrants(4, {
      status: "Delivered",
      createdAt: day("10:00:00"),
      updatedAt: day("10:01:00"),
      deliveredAt: day("10:01:00"),
    });
    for (const [code, count] of [
      ["discord_user_not_found", 6],
      ["github_permission_denied", 5],
      ["c3", 4],
      ["c4", 3],
      ["c5", 2],
      ["c6", 1],
    ] as const)
      await insertGrants(count, { status: "Failed", updatedAt: day("12:00:00"), errorCode: code });
    await insertGrants(2, {
      status: "Revoked",
      updatedAt: day("13:00:00"),
      revokedAt: day("13:00:00"),
      revocationReason: "customer_request",
    });
    await insertGrants(1, {
      status: "Revoked",
      updatedAt: day("14:00:00"),
      revokedAt: day("14:00:00"),
      revocationReason: "platform_external",
    });
    await insertGrants(3, { status: "Pending", updatedAt: day("23:59:59") });
    // Other days: not in the day's numbers, though the Pending one is Pending now.
    await insertGrants(1, { status: "Failed", updatedAt: at("00:00:01"), errorCode: "c6" });
    await insertGrants(1, { status: "Pending", updatedAt: at("01:00:00") });
    await insertGrants(2, { status: "Delivered", updatedAt: at("23:00:00", "2031-05-18") });
    const db = await getDb();
    for (let i = 0; i < 12; i++)
      await db.alertIncident.create({
        data: {
          id: `inc_${i}`,
          rule: "failure_spike",
          key: `code:k${i}`,
          openKey: `failure_spike:code:k${i}`,
          title: `${20 + i} failures of k${i}`,
          link: `/grants?status=Failed&error=k${i}`,
          openedAt: new Date(at("09:30:00").getTime() - (51 - i) * 3_600_000),
        },
      });
    await db.alertIncident.create({
      data: {
        id: "inc_done",
        rule: "silence",
        key: "",
        title: "Resolved one",
        resolvedAt: at("01:00:00"),
      },
    });

    expect(await queueDailyDigests(admin, at("09:30:00"))).toBe(1);
    // Written after it was queued: the message keeps the numbers read then.
    await insertGrants(5, { status: "Failed", updatedAt: day("18:00:00"), errorCode: "late" });
    await sendDueAlerts(admin, at("09:30:05"));

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(["supportmail@shop.example"]);
    // Headers unfolded: a long subject is wrapped onto continuation lines.
    expect(mail.data.replace(/\r\n[ \t]+/g, " ")).toContain(
      "Subject: [Grantdesk] Daily digest for 2031-05-19 (UTC): 21 failed, 12 open incidents\r\n",
    );
    expect(mail.data).toMatch(/Content-Type: text\/html/i);
    const text = plainText(mail);
    expect(text).toContain("Created 31, delivered 4, failed 21, revoked 3. Pending now: 4.");
    expect(text).toContain(
      [
        "Failed, by error code:",
        "  discord_user_not_found: 6 (http://grantdesk.test/grants?status=Failed&error=discord_user_not_found)",
        "  github_permission_denied: 5 (http://grantdesk.test/grants?status=Failed&error=github_permission_denied)",
        "  c3: 4 (http://grantdesk.test/grants?status=Failed&error=c3)",
        "  c4: 3 (http://grantdesk.test/grants?status=Failed&error=c4)",
        "  c5: 2 (http://grantdesk.test/grants?status=Failed&error=c5)",
        "",
        "Revoked, by reason:",
        "  customer_request: 2 (http://grantdesk.test/grants?status=Revoked&reason=customer_request)",
        "  platform_external: 1 (http://grantdesk.test/grants?status=Revoked&reason=platform_external)",
        "",
        "Open incidents now (12):",
        "  Failure spike: 20 failures of k0, open 2 d 3 h (http://grantdesk.test/grants?status=Failed&error=k0)",
      ].join("\n"),
    );
    expect(text).toContain("Failure spike: 29 failures of k9, open 1 d 18 h");
    expect(text).not.toContain("k10");
    expect(text).toContain("  and 2 more (http://grantdesk.test/settings/alerts)");
    expect(text).not.toContain("Resolved one");
    expect(text).not.toContain("late");
    // Counts and codes only: no grant, customer or key.
    expect(mail.data).not.toMatch(/grant_alert_|cus_/);
  });

  it("switched off, or never switched on, queues nothing", async () => {
    await emailChannel("Support mail");
    expect(await getDailyDigestSetting(admin)).toEqual({ enabled: false, hourUtc: 7 });
    expect(digestsOf(await runAlertsTick({ now: at("12:00:00") }))).toBe(0);
    await saveDailyDigestSetting(admin, { enabled: false, hourUtc: 0 });
    expect(digestsOf(await runAlertsTick({ now: at("12:00:00") }))).toBe(0);
    expect(await digestRows()).toHaveLength(0);
    expect(smtp.mails).toHaveLength(0);
  });

  it("the settings action refuses a bad hour and support, and the change is audit-logged", async () => {
    const { saveDailyDigestAction } = await import("@/app/(dashboard)/settings/alerts/actions");
    const owner = await makeUser("owner@digest.test", "admin");
    const helper = await makeUser("helper@digest.test", "support");
    const save = (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      return saveDailyDigestAction(null, form);
    };
    requestHeaders.current = new Headers({ cookie: await signIn(owner.email, owner.password) });
    for (const hourUtc of ["24", "-1", "7.5", "", "abc", "0x8"])
      expect(await save({ enabled: "on", hourUtc }), hourUtc).toEqual({
        ok: false,
        message: "Hour (UTC) must be a whole number from 0 to 23.",
      });
    expect(await getDailyDigestSetting(admin)).toEqual({ enabled: false, hourUtc: 7 });
    expect(await save({ enabled: "on", hourUtc: "7" })).toEqual({ ok: true, message: "Saved." });
    expect(await getDailyDigestSetting(admin)).toEqual({ enabled: true, hourUtc: 7 });

    const db = await getDb();
    // Earlier tests saved it too, as the test admin; the audit log is not cleared between them.
    const changed = { action: "alerts.digest_changed", actorEmail: { endsWith: "@digest.test" } };
    const audit = await db.auditLog.findMany({ where: changed });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorEmail: "owner@digest.test",
      targetType: "daily_digest",
      targetId: "daily_digest",
      detail: { enabled: true, hourUtc: 7 },
    });

    requestHeaders.current = new Headers({ cookie: await signIn(helper.email, helper.password) });
    const refused = await save({ hourUtc: "3" }).catch((error: unknown) => error);
    expect((refused as { digest?: string }).digest).toMatch(/;403$/);
    expect(await getDailyDigestSetting(admin)).toEqual({ enabled: true, hourUtc: 7 });
    expect(await db.auditLog.count({ where: changed })).toBe(1);
  });
});
