// Where a full license key may reach a browser or an API client: only on an explicit reveal, each
// one written to the audit log by its last 4 characters. Everything polled or listed carries the
// last 4 alone; the stored raw body keeps the key byte for byte.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { makeUser, mockNextHeaders, ORIGIN, signIn } from "../support/auth";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";

mockNextHeaders();
configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const ID = "grant_exposure_1";
const BARE = "grant_exposure_bare";
const KEY = "EXPOSE-7F3A-92QX-M1ZD-9K4W";
const FRAGMENTS = [KEY, KEY.slice(0, 12), KEY.slice(6, 20)];

type Route = (request: Request, context: unknown) => Promise<Response>;
async function get(path: string, headers: Record<string, string>, id = ID) {
  const file = path.includes("/license-key")
    ? "@/app/api/v1/grants/[id]/license-key/route"
    : path.startsWith("/api/v1/grants/grant_")
      ? "@/app/api/v1/grants/[id]/route"
      : path.startsWith("/api/v1/grants/changes")
        ? "@/app/api/v1/grants/changes/route"
        : path.startsWith("/api/v1/grants/export")
          ? "@/app/api/v1/grants/export/route"
          : "@/app/api/v1/grants/route";
  const { GET } = (await import(/* @vite-ignore */ file)) as { GET: Route };
  const response = await GET(new Request(`${ORIGIN}${path}`, { headers }), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, text: await response.text() };
}

const reveals = async () =>
  (await getDb()).auditLog.findMany({
    where: { action: "license_key.revealed" },
    orderBy: { at: "asc" },
  });

let session: Record<string, string>;
let apiKey: Record<string, string>;
let rawBody: string;

beforeAll(async () => {
  const envelope = grantEvent("delivered", {
    id: ID,
    status: "Delivered",
    integration_type: "license_key",
    customer_id: "cus_exposure",
    updated_at: "2026-03-01T10:00:00Z",
    // Merchants do copy the key into metadata; it must be masked there too.
    metadata: { note: `key ${KEY}` },
    license_key: { key: KEY, activations_used: 1, activations_limit: 3 },
  });
  rawBody = JSON.stringify(envelope);
  await deliver(rawBody, { id: "msg_exposure_1" });
  await deliver(
    grantEvent("created", { id: BARE, updated_at: "2026-03-01T10:00:00Z", customer_id: "cus_x" }),
  );
  const support = await makeUser("support@exposure.test", "support");
  session = { cookie: await signIn(support.email, support.password) };
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const { cliViewer } = await import("@/lib/auth/viewer");
  // A team key (no creator): a key made by a user works only while that user is active.
  const created = await createApiKey(cliViewer(), "exposure");
  apiKey = { authorization: `Bearer ${created.key}` };
});

describe(`license keys in the JSON API (${provider})`, () => {
  it.each([
    ["the grant (what the page polls)", `/api/v1/grants/${ID}`],
    ["the list", "/api/v1/grants?customer=cus_exposure"],
    ["a search by the whole key", `/api/v1/grants?q=${KEY}`],
    ["the changes feed", "/api/v1/grants/changes?since=2000-01-01T00:00:00Z"],
    ["the CSV export", "/api/v1/grants/export?customer=cus_exposure"],
  ])("%s carries the last 4 only, to a session and to an API key", async (_, path) => {
    for (const headers of [session, apiKey]) {
      const { status, text } = await get(path, headers);
      expect(status, text).toBe(200);
      for (const fragment of FRAGMENTS) expect(text).not.toContain(fragment);
      if (!path.includes("changes")) expect(text).toContain("9K4W");
    }
    expect(await reveals()).toHaveLength(0);
  });

  it("the grant says what it knows of the key without the key", async () => {
    const body = JSON.parse((await get(`/api/v1/grants/${ID}`, apiKey)).text) as {
      license_key: Record<string, unknown>;
      metadata: unknown;
    };
    expect(body.metadata).toEqual({ note: "key ••••••••9K4W" });
    expect(body.license_key).toEqual({
      id: null,
      key_last4: "9K4W",
      status: null,
      activations_used: 1,
      activations_limit: 3,
      expires_at: null,
    });
  });

  it("?include=license_key returns the key and writes one audit line, last 4 only", async () => {
    const before = (await reveals()).length;
    const { status, text } = await get(`/api/v1/grants/${ID}?include=license_key`, apiKey);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ license_key: { key: KEY, key_last4: "9K4W" } });
    const lines = (await reveals()).slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      actorEmail: "API key “exposure”",
      targetType: "grant",
      targetId: ID,
      detail: { keyLast4: "9K4W", via: "include" },
    });
    for (const fragment of FRAGMENTS) expect(JSON.stringify(lines[0])).not.toContain(fragment);
  });

  it("Reveal and Copy's route returns the key and writes one audit line per reveal", async () => {
    const before = (await reveals()).length;
    for (let i = 0; i < 2; i++) {
      const { status, text } = await get(`/api/v1/grants/${ID}/license-key`, session);
      expect(status).toBe(200);
      expect(JSON.parse(text)).toEqual({ key: KEY });
    }
    const lines = (await reveals()).slice(before);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatchObject({
        actorEmail: "support@exposure.test",
        targetId: ID,
        detail: { keyLast4: "9K4W", via: "license-key" },
      });
      for (const fragment of FRAGMENTS) expect(JSON.stringify(line)).not.toContain(fragment);
    }
  });

  it("asks for nothing it cannot give: no key, no grant, an unknown include", async () => {
    const before = (await reveals()).length;
    const bare = await get(`/api/v1/grants/${BARE}?include=license_key`, apiKey, BARE);
    expect(bare.status).toBe(200);
    expect(JSON.parse(bare.text)).toMatchObject({ license_key: null });
    expect((await get(`/api/v1/grants/${BARE}/license-key`, apiKey, BARE)).status).toBe(404);
    expect((await get("/api/v1/grants/grant_nope/license-key", apiKey, "grant_nope")).status).toBe(
      404,
    );
    const unknown = await get(`/api/v1/grants/${ID}?include=secrets`, apiKey);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text)).toEqual({ error: expect.stringMatching(/^include: /) });
    for (const fragment of FRAGMENTS) expect(unknown.text).not.toContain(fragment);
    expect(await reveals()).toHaveLength(before);
  });

  it("keeps the stored raw body as it arrived, key and all", async () => {
    const row = await (await getDb()).webhookEvent.findUnique({ where: { id: "msg_exposure_1" } });
    expect(row?.rawBody).toBe(rawBody);
  });

  it("shows the raw events to the page with the key masked wherever it was", async () => {
    const { listGrantEventBodies } = await import("@/lib/grants/queries/list-grant-event-bodies");
    const { prettyRedactedBody } = await import("@/lib/grants/redact");
    const { testViewer } = await import("../support/viewers");
    const [event] = await listGrantEventBodies(testViewer("support"), ID);
    const shown = prettyRedactedBody(event!.rawBody!);
    for (const fragment of FRAGMENTS) expect(shown).not.toContain(fragment);
    expect(shown).toContain('"note": "key ••••••••9K4W"');
  });
});
