// Storing and merging deliveries through the real route handler.
import { describe, expect, inject, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { signDelivery } from "@/lib/webhooks/sign";
import {
  OTHER_SECRET,
  SECRET,
  configureWebhookSecrets,
  deliver,
  grantEvent,
  readGrant,
  signedRequest,
} from "../support/webhooks";
import { testViewer, withApiKey } from "../support/viewers";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
let counter = 0;
const grantId = (name: string) => `grant_${name}_${++counter}`;

/** The re-activation story: created → delivered → revoked (key disabled) → delivered again. */
function reactivationStory(id: string) {
  return [
    grantEvent(
      "created",
      { id, status: "Pending", updated_at: "2026-03-01T10:00:00Z" },
      "2026-03-01T10:00:00.100000Z",
    ),
    grantEvent("delivered", {
      id,
      status: "Delivered",
      delivered_at: "2026-03-01T10:01:00Z",
      updated_at: "2026-03-01T10:01:00Z",
    }),
    grantEvent("revoked", {
      id,
      status: "Revoked",
      delivered_at: "2026-03-01T10:01:00Z",
      revoked_at: "2026-03-01T11:00:00Z",
      revocation_reason: "license_key_disabled",
      updated_at: "2026-03-01T11:00:00Z",
    }),
    grantEvent("delivered", {
      id,
      status: "Delivered",
      delivered_at: "2026-03-01T12:00:00Z",
      updated_at: "2026-03-01T12:00:00Z",
    }),
  ].map((envelope, index) => ({ envelope, webhookId: `msg_${id}_${index}` }));
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

/** The grant as the dashboard sees it, minus what legitimately differs between two grants. */
function comparable(grant: Awaited<ReturnType<typeof readGrant>>) {
  if (!grant) return null;
  const { id: _id, events, ...rest } = grant;
  return { ...rest, eventCount: events.length };
}

describe(`webhook ingestion (${provider})`, () => {
  it("stores a new grant and answers applied", async () => {
    const id = grantId("new");
    const result = await deliver(
      grantEvent("created", {
        id,
        updated_at: "2026-03-01T10:00:00Z",
        integration_type: "discord",
      }),
    );
    expect(result).toMatchObject({ status: 200, body: { ok: true, outcome: "applied" } });
    const grant = await readGrant(id);
    expect(grant).toMatchObject({
      id,
      status: "Pending",
      integration_type: "discord",
      events: [{ outcome: "applied", type: "entitlement_grant.created" }],
    });
  });

  it("the same delivery twice with fresh signatures → one event row, second answered duplicate", async () => {
    const id = grantId("twice");
    const envelope = grantEvent("created", { id, updated_at: "2026-03-01T10:00:00Z" });
    const webhookId = `msg_${id}`;
    expect((await deliver(envelope, { id: webhookId })).body.outcome).toBe("applied");
    const again = await deliver(envelope, { id: webhookId, at: new Date(Date.now() + 1000) });
    expect(again).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    expect((await readGrant(id))?.events).toHaveLength(1);
  });

  it("50 concurrent copies of one delivery → one row, one applied, no 5xx", async () => {
    const id = grantId("concurrent");
    const envelope = grantEvent("created", { id, updated_at: "2026-03-01T10:00:00Z" });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => deliver(envelope, { id: `msg_${id}` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(results.filter((r) => r.body.outcome === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.body.outcome === "duplicate")).toHaveLength(49);
    expect(await (await getDb()).webhookEvent.count({ where: { grantId: id } })).toBe(1);
  });

  it("concurrent different snapshots of one grant end on the newest", async () => {
    const id = grantId("racing");
    const story = reactivationStory(id);
    const results = await Promise.all(
      story.flatMap(({ envelope, webhookId }) => [
        deliver(envelope, { id: webhookId }),
        deliver(envelope, { id: webhookId }),
      ]),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const grant = await readGrant(id);
    expect(grant).toMatchObject({
      status: "Delivered",
      updated_at: "2026-03-01T12:00:00.000Z",
      revocation_reason: null,
      revoked_at: null,
    });
    expect(grant?.events).toHaveLength(4);
  });

  it("all 24 orders of created → delivered → revoked → delivered (each twice) end like the in-order run", async () => {
    const inOrderId = grantId("in_order");
    for (const { envelope, webhookId } of reactivationStory(inOrderId))
      await deliver(envelope, { id: webhookId });
    const expected = comparable(await readGrant(inOrderId));
    expect(expected).toMatchObject({
      status: "Delivered",
      revocation_reason: null,
      delivered_at: "2026-03-01T12:00:00.000Z",
      eventCount: 4,
    });

    const orders = permutations([0, 1, 2, 3]);
    expect(orders).toHaveLength(24);
    for (const [n, order] of orders.entries()) {
      const id = grantId(`order_${n}`);
      const story = reactivationStory(id);
      for (const index of order) {
        const { envelope, webhookId } = story[index]!;
        expect((await deliver(envelope, { id: webhookId })).status).toBe(200);
        expect((await deliver(envelope, { id: webhookId })).body.outcome).toBe("duplicate");
      }
      expect(comparable(await readGrant(id)), `order ${order.join(",")}`).toEqual(expected);
    }
  });

  it("a late, older snapshot is kept as stale and does not overwrite", async () => {
    const id = grantId("stale");
    await deliver(
      grantEvent("delivered", { id, status: "Delivered", updated_at: "2026-03-01T10:05:00Z" }),
    );
    const late = await deliver(
      grantEvent("created", { id, status: "Pending", updated_at: "2026-03-01T10:00:00Z" }),
    );
    expect(late.body.outcome).toBe("stale");
    const grant = await readGrant(id);
    expect(grant?.status).toBe("Delivered");
    expect(grant?.events.map((e) => e.outcome)).toEqual(["applied", "stale"]);
  });

  it("failed before created stays Failed", async () => {
    const id = grantId("failed_first");
    await deliver(
      grantEvent("failed", {
        id,
        status: "Failed",
        error_code: "github_permission_denied",
        error_message: "no access",
        updated_at: "2026-03-01T10:00:30Z",
      }),
    );
    expect(
      (
        await deliver(
          grantEvent("created", { id, status: "Pending", updated_at: "2026-03-01T10:00:00Z" }),
        )
      ).body.outcome,
    ).toBe("stale");
    expect(await readGrant(id)).toMatchObject({
      status: "Failed",
      error_code: "github_permission_denied",
    });
  });

  it("created(Delivered) and delivered with the same updated_at do not flap", async () => {
    const id = grantId("license");
    const fields = {
      id,
      status: "Delivered",
      delivered_at: "2026-03-01T10:00:00Z",
      updated_at: "2026-03-01T10:00:00Z",
      license_key: { key: "KEY-AAAA-BBBB-1234", activations_used: 0 },
    };
    const created = grantEvent("created", fields, "2026-03-01T10:00:00.100000Z");
    const delivered = grantEvent("delivered", fields, "2026-03-01T10:00:00.200000Z");
    await deliver(delivered);
    expect((await deliver(created)).body.outcome).toBe("stale");
    const grant = await readGrant(id);
    expect(grant).toMatchObject({
      status: "Delivered",
      integration_type: "license_key",
      integration_type_inferred: true,
    });
    expect(grant?.license_key).toMatchObject({ key_last4: "1234", activations_used: 0 });
    expect(
      await (await getDb()).grant.findUnique({ where: { id }, select: { licenseKey: true } }),
    ).toEqual({ licenseKey: "KEY-AAAA-BBBB-1234" });
  });

  it("equal updated_at is decided by the envelope timestamp, to the microsecond", async () => {
    const id = grantId("tie");
    const base = { id, updated_at: "2026-03-01T10:00:00Z" };
    const revoked = grantEvent(
      "revoked",
      { ...base, status: "Revoked", revocation_reason: "manual" },
      "2026-03-01T10:00:00.000001Z",
    );
    const failed = grantEvent(
      "failed",
      { ...base, status: "Failed", error_code: "x" },
      "2026-03-01T10:00:00.000002Z",
    );
    await deliver(failed);
    expect((await deliver(revoked)).body.outcome).toBe("stale");
    expect((await readGrant(id))?.status).toBe("Failed");
  });

  it("the same snapshot under a new webhook-id is recorded as duplicate and changes nothing", async () => {
    const id = grantId("same_snapshot");
    const envelope = grantEvent("created", { id, updated_at: "2026-03-01T10:00:00Z" });
    await deliver(envelope);
    expect((await deliver(envelope)).body.outcome).toBe("duplicate");
    expect((await readGrant(id))?.events.map((e) => e.outcome)).toEqual(["applied", "duplicate"]);
  });

  it("a newer snapshot replaces the grant as a whole (a re-delivery clears the old error)", async () => {
    const id = grantId("whole");
    await deliver(
      grantEvent("failed", {
        id,
        status: "Failed",
        error_code: "discord_guild_missing",
        error_message: "gone",
        metadata: { a: 1 },
        updated_at: "2026-03-01T10:00:00Z",
      }),
    );
    await deliver(
      grantEvent("delivered", {
        id,
        status: "Delivered",
        metadata: null,
        updated_at: "2026-03-01T11:00:00Z",
      }),
    );
    expect(await readGrant(id)).toMatchObject({
      status: "Delivered",
      error_code: null,
      error_message: null,
      metadata: null,
    });
  });

  it("a payment event is stored as ignored", async () => {
    const result = await deliver(
      {
        business_id: "bus_test",
        type: "payment.succeeded",
        timestamp: "2026-03-01T10:00:00Z",
        data: { payment_id: "pay_1" },
      },
      { id: "msg_payment_1" },
    );
    expect(result).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect(
      await (await getDb()).webhookEvent.findUnique({ where: { id: "msg_payment_1" } }),
    ).toMatchObject({ outcome: "ignored", type: "payment.succeeded", grantId: null });
  });

  it("a signed non-JSON body is stored as invalid with its error, answered 200, body kept verbatim", async () => {
    const result = await deliver("this is { not json", { id: "msg_not_json" });
    expect(result).toMatchObject({ status: 200, body: { outcome: "invalid" } });
    const stored = await (await getDb()).webhookEvent.findUnique({ where: { id: "msg_not_json" } });
    expect(stored).toMatchObject({ outcome: "invalid", rawBody: "this is { not json" });
    expect(stored?.validationError).toContain("not JSON");
  });

  it("a signed body nested 20,000 deep is stored as invalid, body intact, and its grant still reads", async () => {
    const id = grantId("deep");
    const key = "DEEP-KEY-5b7e-9c1d-A4F2";
    const licensed = { integration_type: "license_key", license_key: { key, activations_used: 0 } };
    await deliver(grantEvent("created", { id, updated_at: "2026-03-01T10:00:00Z", ...licensed }));
    // Built as text: JSON.stringify itself overflows the stack on an object this deep.
    const deep = `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`;
    const body = JSON.stringify(
      grantEvent("delivered", {
        id,
        status: "Delivered",
        updated_at: "2026-03-01T11:00:00Z",
        metadata: { placeholder: true },
        ...licensed,
      }),
    ).replace('{"placeholder":true}', deep);
    expect(body.length).toBeLessThan(256 * 1024);

    const result = await deliver(body, { id: `msg_${id}` });
    expect(result).toMatchObject({ status: 200, body: { ok: true, outcome: "invalid" } });
    const stored = await (await getDb()).webhookEvent.findUnique({ where: { id: `msg_${id}` } });
    expect(stored).toMatchObject({ outcome: "invalid", grantId: id });
    expect(stored?.rawBody).toBe(body);
    expect(stored?.validationError).toMatch(/nested deeper than \d+ levels/);
    expect(await readGrant(id)).toMatchObject({ status: "Pending" });

    // What the grant page and the events page read for it.
    const { GET } = await import("@/app/api/v1/grants/[id]/route");
    const detail = await GET(await withApiKey(`http://localhost/api/v1/grants/${id}`), {
      params: Promise.resolve({ id }),
    });
    expect(detail.status).toBe(200);
    const { listGrantEventBodies } = await import("@/lib/grants/queries/list-grant-event-bodies");
    const { prettyRedactedBody } = await import("@/lib/grants/redact");
    const shown = (await listGrantEventBodies(testViewer("support"), id)).map((event) =>
      prettyRedactedBody(event.rawBody!),
    );
    expect(shown).toHaveLength(2);
    for (const text of shown) expect(text).not.toContain(key);
    const { listEvents } = await import("@/lib/webhooks/list-events");
    const events = await listEvents(testViewer("support"), { type: undefined, outcome: "invalid" });
    expect(events.items.map((event) => event.id)).toContain(`msg_${id}`);
  });

  it("a body over 256 KB answers 413 and stores nothing", async () => {
    const body = JSON.stringify({
      ...grantEvent("created", { id: grantId("big"), updated_at: "2026-03-01T10:00:00Z" }),
      padding: "x".repeat(300 * 1024),
    });
    const before = await (await getDb()).webhookEvent.count();
    const { POST } = await import("@/app/api/webhooks/dodo/route");
    expect((await POST(signedRequest(body))).status).toBe(413);
    // Without Content-Length (a chunked stream), the limit is enforced while counting.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 30; i++)
          controller.enqueue(new TextEncoder().encode("y".repeat(10 * 1024)));
        controller.close();
      },
    });
    const chunked = new Request("http://localhost/api/webhooks/dodo", {
      method: "POST",
      headers: signDelivery(SECRET, "irrelevant"),
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await POST(chunked)).status).toBe(413);
    expect(await (await getDb()).webhookEvent.count()).toBe(before);
  });

  it("stores <script> in error_message and metadata verbatim", async () => {
    const id = grantId("xss");
    const script = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    await deliver(
      grantEvent("failed", {
        id,
        status: "Failed",
        error_message: script,
        metadata: { note: script },
        updated_at: "2026-03-01T10:00:00Z",
      }),
    );
    expect(await readGrant(id)).toMatchObject({
      error_message: script,
      metadata: { note: script },
    });
  });

  it("logs one JSON line per delivery, a duplicate's from the stored row, with no secret, signature or key", async () => {
    const id = grantId("logged");
    const key = "LOGGED-KEY-7f3a9c2e4b1d";
    const envelope = grantEvent("delivered", {
      id,
      status: "Delivered",
      integration_type: "license_key",
      license_key: { key, activations_used: 0, activations_limit: 3 },
      updated_at: "2026-03-01T10:00:00Z",
    });
    const body = JSON.stringify(envelope);
    const webhookId = `msg_${id}`;
    const signature = signDelivery(SECRET, body, webhookId)["webhook-signature"];
    const written: string[] = [];
    const write = vi
      .spyOn(process.stdout, "write")
      .mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      await deliver(body, { id: webhookId });
      await deliver(body, { id: webhookId });
      await deliver(body, { id: webhookId, secret: OTHER_SECRET });
    } finally {
      write.mockRestore();
    }
    expect(written).toHaveLength(3);
    const lines = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    const common = { event: "webhook", webhook_id: webhookId };
    expect(lines[0]).toMatchObject({
      ...common,
      type: "entitlement_grant.delivered",
      grant_id: id,
      outcome: "applied",
      status: 200,
    });
    expect(lines[1]).toMatchObject({
      ...common,
      type: "entitlement_grant.delivered",
      grant_id: id,
      outcome: "duplicate",
      status: 200,
    });
    expect(lines[2]).toMatchObject({ ...common, outcome: "rejected", status: 401 });
    for (const line of lines) expect(line.ms).toEqual(expect.any(Number));
    for (const text of written) {
      expect(text.endsWith("\n")).toBe(true);
      for (const secret of [
        SECRET,
        SECRET.slice("whsec_".length),
        signature.slice(3, 30),
        key,
        key.slice(0, 12),
      ])
        expect(text).not.toContain(secret);
    }
  });

  it("keeps unknown revocation reasons, integration types and fields", async () => {
    const id = grantId("unknown");
    await deliver(
      grantEvent("revoked", {
        id,
        status: "Revoked",
        revocation_reason: "cosmic_rays",
        integration_type: "slack",
        brand_new: 1,
        updated_at: "2026-03-01T10:00:00Z",
      }),
    );
    const grant = await readGrant(id);
    expect(grant).toMatchObject({
      revocation_reason: "cosmic_rays",
      integration_type: "slack",
      integration_type_inferred: false,
    });
    const row = await (await getDb()).grant.findUnique({ where: { id } });
    expect(JSON.parse(row!.rawSnapshot).brand_new).toBe(1);
  });
});

describe(`reprocessing invalid events (${provider})`, () => {
  it("applies a stored invalid event once the code understands it, keeping its received time", async () => {
    const id = grantId("reprocess");
    const envelope = grantEvent("delivered", {
      id,
      status: "Delivered",
      updated_at: "2026-03-01T10:00:00Z",
    });
    // Stands in for "a body today's schema refuses": the stored row says invalid, the body is fine.
    const result = await deliver(envelope, { id: `msg_${id}` });
    expect(result.body.outcome).toBe("applied");
    const db = await getDb();
    await db.grant.delete({ where: { id } });
    const receivedAt = new Date("2026-03-01T10:00:05Z");
    await db.webhookEvent.update({
      where: { id: `msg_${id}` },
      data: { outcome: "invalid", validationError: "old schema", grantId: null, receivedAt },
    });

    const { reprocessInvalidEvents } = await import("@/lib/webhooks/reprocess");
    const results = await reprocessInvalidEvents(testViewer("admin"));
    expect(results).toContainEqual({ webhookId: `msg_${id}`, outcome: "applied" });
    const grant = await readGrant(id);
    expect(grant).toMatchObject({
      status: "Delivered",
      events: [
        { webhook_id: `msg_${id}`, outcome: "applied", received_at: receivedAt.toISOString() },
      ],
    });
    const event = await db.webhookEvent.findUnique({ where: { id: `msg_${id}` } });
    expect(event?.validationError).toBeNull();
  });

  it("leaves a still-invalid event invalid and says why", async () => {
    await deliver("still { not json", { id: "msg_still_invalid" });
    const { reprocessEvent } = await import("@/lib/webhooks/reprocess");
    expect(await reprocessEvent(testViewer("admin"), "msg_still_invalid")).toMatchObject({
      outcome: "invalid",
      error: expect.stringContaining("not JSON"),
    });
    expect(await reprocessEvent(testViewer("admin"), "msg_missing")).toEqual({
      webhookId: "msg_missing",
      outcome: "not_found",
    });
  });
});
