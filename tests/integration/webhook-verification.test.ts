// Signature checks on the real route handler: what is refused is answered 401 and stores nothing.
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { signDelivery } from "@/lib/webhooks/sign";
import {
  OTHER_SECRET,
  SECRET,
  configureWebhookSecrets,
  deliver,
  grantEvent,
  signedRequest,
} from "../support/webhooks";

configureWebhookSecrets(SECRET, OTHER_SECRET);
const provider = inject("testProvider");

async function post(request: Request) {
  const { POST } = await import("@/app/api/webhooks/dodo/route");
  const response = await POST(request);
  return { status: response.status, body: await response.json() };
}

async function eventCount() {
  return (await getDb()).webhookEvent.count();
}

const event = () =>
  grantEvent("created", {
    id: `grant_${Math.random().toString(36).slice(2)}`,
    updated_at: "2026-03-01T10:00:00Z",
  });

describe(`webhook verification (${provider})`, () => {
  afterEach(() => vi.useRealTimers());

  describe("the Standard Webhooks test vector (clock at 1614265330)", () => {
    const vector = {
      id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestamp: "1614265330",
      body: '{"test": 2432232314}',
    };
    const request = (signature: string) =>
      new Request("http://localhost/api/webhooks/dodo", {
        method: "POST",
        body: vector.body,
        headers: {
          "webhook-id": vector.id,
          "webhook-timestamp": vector.timestamp,
          "webhook-signature": signature,
        },
      });
    const freezeClock = () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(1614265330 * 1000);
    };

    it("verifies the published signature (and stores the non-grant body as invalid)", async () => {
      freezeClock();
      const result = await post(request("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
      expect(result).toEqual({ status: 200, body: { ok: true, outcome: "invalid" } });
    });

    it.each([
      ["a changed last character", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="],
      ["a truncated signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1O"],
    ])("refuses %s", async (_name, signature) => {
      freezeClock();
      const before = await eventCount();
      expect(await post(request(signature))).toEqual({
        status: 401,
        body: { error: "no matching signature" },
      });
      expect(await eventCount()).toBe(before);
    });
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])(
    "refuses a delivery without the %s header",
    async (header) => {
      const before = await eventCount();
      const result = await post(
        signedRequest(JSON.stringify(event()), { headers: { [header]: null } }),
      );
      expect(result).toEqual({ status: 401, body: { error: `missing ${header} header` } });
      expect(await eventCount()).toBe(before);
    },
  );

  it("refuses a timestamp that is not a number", async () => {
    const result = await post(
      signedRequest(JSON.stringify(event()), { headers: { "webhook-timestamp": "hello" } }),
    );
    expect(result.status).toBe(401);
  });

  it.each([
    ["300 s old", -300, 200],
    ["300 s ahead", 300, 200],
    ["301 s old", -301, 401],
    ["301 s ahead", 301, 401],
  ])("a signature made %s answers %i", async (_name, offsetSeconds, status) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const now = new Date("2026-03-01T10:00:00Z");
    vi.setSystemTime(now);
    const signedAt = new Date(now.getTime() + offsetSeconds * 1000);
    const result = await post(signedRequest(JSON.stringify(event()), { at: signedAt }));
    expect(result.status).toBe(status);
    if (status === 401) expect(result.body.error).toMatch(/timestamp too (old|new)/);
  });

  it("skips a v2 entry and refuses when it is the only one", async () => {
    const body = JSON.stringify(event());
    const valid = signDelivery(SECRET, body)["webhook-signature"].slice(3);
    expect(
      (await post(signedRequest(body, { headers: { "webhook-signature": `v2,${valid}` } }))).status,
    ).toBe(401);
  });

  it("accepts a list where the valid v1 entry follows v2 and wrong v1 entries", async () => {
    const body = JSON.stringify(event());
    const id = "msg_list_of_signatures";
    const signed = signDelivery(SECRET, body, id);
    const list = `v2,abc v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= ${signed["webhook-signature"]}`;
    expect(
      (await post(signedRequest(body, { id, headers: { "webhook-signature": list } }))).status,
    ).toBe(200);
  });

  it("answers 401, not 500, to an entry without a comma", async () => {
    const result = await post(
      signedRequest(JSON.stringify(event()), { headers: { "webhook-signature": "v1" } }),
    );
    expect(result.status).toBe(401);
    const garbage = await post(
      signedRequest(JSON.stringify(event()), {
        headers: { "webhook-signature": "garbage without comma" },
      }),
    );
    expect(garbage.status).toBe(401);
  });

  it("refuses a body re-serialised after signing", async () => {
    const envelope = event();
    const body = JSON.stringify(envelope, null, 2);
    const headers = signDelivery(SECRET, body);
    const request = new Request("http://localhost/api/webhooks/dodo", {
      method: "POST",
      headers,
      body: JSON.stringify(envelope),
    });
    expect((await post(request)).status).toBe(401);
  });

  it.each([
    ["the old secret", SECRET],
    ["the new secret", OTHER_SECRET],
  ])("accepts a delivery signed by %s alone (rotation)", async (_name, secret) => {
    expect((await deliver(event(), { secret })).status).toBe(200);
  });

  it("refuses a delivery signed by a secret that is not configured", async () => {
    expect((await deliver(event(), { secret: "whsec_bm90LWNvbmZpZ3VyZWQtYXQtYWxs" })).status).toBe(
      401,
    );
  });
});
