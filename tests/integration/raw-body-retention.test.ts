// Raw-body retention (GRANTDESK_KEEP_RAW_BODIES_DAYS): old bodies go, rows and grants stay.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { cliViewer } from "@/lib/auth/viewer";
import { pruneRawBodies, type PruneOptions } from "@/lib/webhooks/retention/prune-bodies";
import {
  SECRET,
  configureWebhookSecrets,
  deliver,
  grantEvent,
  readGrant,
} from "../support/webhooks";
import { testViewer, withApiKey } from "../support/viewers";

configureWebhookSecrets(SECRET);
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
const prune = (options: PruneOptions = {}) =>
  pruneRawBodies(cliViewer(), { keepDays: { delivered: 90, invalid: 365 }, ...options });
const pass = async (options: PruneOptions = {}) => {
  const [delivered, invalid] = await prune(options);
  return { delivered: delivered!, invalid: invalid! };
};

async function backdate(id: string, days: number) {
  await (await getDb()).webhookEvent.update({ where: { id }, data: { receivedAt: daysAgo(days) } });
}

const eventRow = async (id: string) =>
  (await getDb()).webhookEvent.findUniqueOrThrow({ where: { id } });

const grantV1 = (id: string) =>
  grantEvent("created", { id, status: "Pending", updated_at: "2026-03-01T10:00:00Z" });
const grantV2 = (id: string) =>
  grantEvent("delivered", {
    id,
    status: "Delivered",
    delivered_at: "2026-03-01T10:01:00Z",
    updated_at: "2026-03-01T10:01:00Z",
  });

/** One delivery of every outcome for grant `id`, all received `days` ago; their webhook ids. */
async function deliverEveryOutcome(id: string, days: number) {
  const ids = {
    applied: `msg_${id}_v2`,
    stale: `msg_${id}_v1`,
    duplicate: `msg_${id}_v2_again`,
    ignored: `msg_${id}_payment`,
    invalid: `msg_${id}_invalid`,
  };
  const answers = [
    await deliver(grantV2(id), { id: ids.applied }),
    await deliver(grantV1(id), { id: ids.stale }),
    await deliver(grantV2(id), { id: ids.duplicate }),
    await deliver(
      {
        business_id: "bus_test",
        type: "payment.succeeded",
        timestamp: "2026-03-01T10:00:00Z",
        data: {},
      },
      { id: ids.ignored },
    ),
    await deliver({ ...grantV1(id), data: { id, status: 42 } }, { id: ids.invalid }),
  ];
  expect(answers.map((a) => a.body.outcome)).toEqual(Object.keys(ids));
  for (const webhookId of Object.values(ids)) await backdate(webhookId, days);
  return ids;
}

beforeEach(async () => {
  const db = await getDb();
  await db.webhookEvent.deleteMany({});
  await db.grant.deleteMany({});
});

describe("raw-body retention", () => {
  it("drops the bodies of old applied, stale, duplicate and ignored events and keeps every other column", async () => {
    const ids = await deliverEveryOutcome("grant_old", 100);
    const dropped = [ids.applied, ids.stale, ids.duplicate, ids.ignored];
    const before = await Promise.all(dropped.map(eventRow));
    const bytes = before.reduce((sum, row) => sum + Buffer.byteLength(row.rawBody!), 0);

    const { delivered } = await pass();

    expect(delivered).toMatchObject({ bodies: 4, bytes, batches: 1 });
    const after = await Promise.all(dropped.map(eventRow));
    after.forEach((row, index) => {
      const { rawBody, bodyPrunedAt, ...kept } = row;
      expect(rawBody, row.id).toBeNull();
      expect(bodyPrunedAt, row.id).toBeInstanceOf(Date);
      const { rawBody: _body, bodyPrunedAt: _never, ...keptBefore } = before[index]!;
      expect(kept).toEqual(keptBefore);
    });
  });

  it("keeps invalid bodies and bodies newer than the limit", async () => {
    const old = await deliverEveryOutcome("grant_kept_invalid", 100);
    const recent = await deliverEveryOutcome("grant_recent", 89);
    await pass();
    expect((await eventRow(old.invalid)).rawBody).toContain('"status":42');
    for (const id of Object.values(recent)) expect((await eventRow(id)).rawBody, id).not.toBeNull();
  });

  it("drops invalid bodies past their own, longer limit; reprocessing one is refused clearly", async () => {
    const ids = await deliverEveryOutcome("grant_old_invalid", 400);
    const { invalid } = await pass();
    expect(invalid).toMatchObject({ bodies: 1, batches: 1 });
    expect((await eventRow(ids.invalid)).rawBody).toBeNull();

    const { reprocessEvent, reprocessInvalidEvents } = await import("@/lib/webhooks/reprocess");
    const refused = await reprocessEvent(testViewer("admin"), ids.invalid);
    expect(refused.outcome).toBe("body_removed");
    expect(refused.error).toMatch(/^Body removed after 400 days \(retention\)/);
    expect(await reprocessInvalidEvents(testViewer("admin"))).toEqual([]);
    expect(await eventRow(ids.invalid)).toMatchObject({ outcome: "invalid" });
  });

  it("leaves the grant, its JSON and its page whole, the raw view saying why a body is gone", async () => {
    const ids = await deliverEveryOutcome("grant_page", 100);
    const before = await readGrant("grant_page");
    await pass();
    const after = await readGrant("grant_page");
    const { events: eventsAfter, ...grantAfter } = after!;
    const { events: eventsBefore, ...grantBefore } = before!;
    expect(grantAfter).toEqual(grantBefore);
    expect(grantAfter.status).toBe("Delivered");
    expect(eventsAfter.map(({ body_removed_at: _at, ...e }) => e)).toEqual(
      eventsBefore.map(({ body_removed_at: _at, ...e }) => e),
    );
    expect(eventsAfter.find((e) => e.webhook_id === ids.applied)?.body_removed_at).toEqual(
      expect.any(String),
    );

    const { GET } = await import("@/app/api/v1/grants/[id]/route");
    const response = await GET(await withApiKey("http://localhost/api/v1/grants/grant_page"), {
      params: Promise.resolve({ id: "grant_page" }),
    });
    expect(response.status).toBe(200);

    const { listGrantEventBodies } = await import("@/lib/grants/queries/list-grant-event-bodies");
    const { RawEvents } = await import("@/components/grants/raw-events");
    const bodies = await listGrantEventBodies(testViewer("support"), "grant_page");
    const html = renderToStaticMarkup(createElement(RawEvents, { events: bodies }));
    expect(html.match(/Body removed after 100 days \(retention\)/g)).toHaveLength(3);
    expect(html).toContain("&quot;status&quot;: 42");
  });

  it("a dry run changes nothing and says how many bodies and bytes it would free", async () => {
    const ids = await deliverEveryOutcome("grant_dry", 100);
    const rows = await Promise.all(Object.values(ids).map(eventRow));
    const bytes = rows
      .filter((row) => row.outcome !== "invalid")
      .reduce((sum, row) => sum + Buffer.byteLength(row.rawBody!), 0);

    const { delivered, invalid } = await pass({ dryRun: true });

    expect(delivered).toMatchObject({ bodies: 4, bytes, batches: 0 });
    expect(invalid).toMatchObject({ bodies: 0, bytes: 0 });
    expect(await Promise.all(Object.values(ids).map(eventRow))).toEqual(rows);
  });

  it("prunes in batches, and a second run finds nothing left", async () => {
    for (let i = 0; i < 5; i++) {
      await deliver(grantV1(`grant_batch_${i}`), { id: `msg_batch_${i}` });
      await backdate(`msg_batch_${i}`, 100 + i);
    }
    const sizes: number[] = [];
    const { delivered } = await pass({
      batchSize: 2,
      onBatch: (_kind, freed) => sizes.push(freed.bodies),
    });
    expect(delivered).toMatchObject({ bodies: 5, batches: 3 });
    expect(sizes).toEqual([2, 2, 1]);
    expect((await pass()).delivered).toMatchObject({ bodies: 0, batches: 0 });
  });

  it("off keeps every body", async () => {
    await deliverEveryOutcome("grant_off", 1000);
    const { delivered, invalid } = await pass({ keepDays: { delivered: null, invalid: null } });
    expect(delivered).toMatchObject({ bodies: 0, keepDays: null });
    expect(invalid).toMatchObject({ bodies: 0, keepDays: null });
    const db = await getDb();
    expect(await db.webhookEvent.count({ where: { rawBody: null } })).toBe(0);
  });
});
