// Hand-edited links, forged cursors and junk values: /api/v1 answers 400 with a message, the data
// functions behind the pages carry on with the rest, and nothing is ever a 500.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { testViewer, withApiKey } from "../support/viewers";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const root = path.resolve(import.meta.dirname, "../..");
const GRANT = "grant_junk_1";

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const rawCursor = (text: string) => Buffer.from(text).toString("base64url");

/** Each is one query parameter a list answers 400 to. */
const JUNK: [name: string, value: string][] = [
  ["created_from", "2024-99-99"],
  ["created_to", "2024-02-30"],
  ["updated_from", "yesterday"],
  ["updated_to", "0000-01-01"],
  ["created_from", "2024-1-1"],
  ["after", cursor([1e300, "x"])],
  ["after", cursor([8.64e15 + 1, "x"])],
  ["after", cursor([-8.64e15 - 1, "x"])],
  ["after", cursor([1.5, "x"])],
  ["after", cursor(["2024-01-01", "x"])],
  ["after", cursor([1, 2])],
  ["after", cursor([1])],
  ["after", cursor([1, "x", 3])],
  ["after", cursor({ at: 1, id: "x" })],
  ["after", cursor([1, ""])],
  ["after", cursor([1, "x".repeat(1001)])],
  ["after", cursor(null)],
  ["after", rawCursor("not json")],
  ["after", "%%%not-base64%%%"],
  ["after", "x".repeat(300)],
  ["before", cursor([1e300, "x"])],
  ["before", cursor(["x", 1])],
  ["size", "7"],
  ["size", "1e9"],
  ["size", "-1"],
  ["size", "many"],
  ["sort", "price"],
  ["dir", "sideways"],
  ["q", "LK-\u0000-KEY"],
  ["q", "x".repeat(201)],
  ["status", "Pending\u0000"],
  ["customer", "cus_\u001b[31m"],
];

/** Odd but valid: answered 200. */
const VALID: Record<string, string>[] = [
  { updated_to: "9999-12-31", created_from: "1000-01-01" },
  { q: "ключ-🔑-4C8P" },
  { q: "  padded  ", status: "", size: "", sort: "", dir: "" },
  { after: cursor([0, GRANT]) },
  { before: cursor([Date.UTC(9999, 11, 31), "zzz"]) },
  { unknown_param: "\u0000", focus: "search" },
];

type Route = (request: Request, context: unknown) => Promise<Response>;
async function route(file: string): Promise<Route> {
  const routeModule = (await import(/* @vite-ignore */ path.join(root, file))) as { GET: Route };
  return routeModule.GET;
}

async function call(file: string, query: Record<string, string>, id = GRANT) {
  const url = new URL(`http://localhost/${path.dirname(file).replace(/^app\//, "")}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  if (file.includes("changes") && !("since" in query))
    url.searchParams.set("since", "2026-01-01T00:00:00Z");
  const response = await (
    await route(file)
  )(await withApiKey(url.toString()), {
    params: Promise.resolve({ id }),
  });
  const text = await response.text();
  return { status: response.status, text };
}

/** Every /api/v1 route, found on disk so a new one cannot be left out. */
const V1_ROUTES = fs
  .readdirSync(path.join(root, "app/api/v1"), { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts")
  .map((file) => path.join("app/api/v1", file));
const LIST_ROUTES = V1_ROUTES.filter((file) => /grants\/(route|export|changes)/.test(file));

beforeAll(async () => {
  await deliver(
    grantEvent("delivered", {
      id: GRANT,
      status: "Delivered",
      updated_at: "2026-03-01T10:00:00Z",
      license_key: { key: "JUNK-KEY-0000-4C8P", activations_used: 0 },
    }),
  );
});

describe(`junk in /api/v1 queries (${provider})`, () => {
  it("finds the list routes", () => {
    expect(LIST_ROUTES).toHaveLength(3);
    expect(V1_ROUTES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(JUNK)("%s=%j → 400 with a message on every list route", async (name, value) => {
    for (const file of LIST_ROUTES) {
      const { status, text } = await call(file, { [name]: value });
      expect(status, `${file} ${text}`).toBe(400);
      expect((JSON.parse(text) as { error: unknown }).error, file).toMatch(new RegExp(`^${name}`));
    }
  });

  it.each(JUNK)("%s=%j → never a 500 on any /api/v1 route", async (name, value) => {
    for (const file of V1_ROUTES) {
      const { status, text } = await call(file, { [name]: value });
      expect(status, `${file} ${text}`).toBeLessThan(500);
    }
  });

  it.each(VALID)("%j → 200 on every list route", async (query) => {
    for (const file of LIST_ROUTES) {
      const { status, text } = await call(file, query);
      expect(status, `${file} ${text}`).toBe(200);
    }
  });

  it.each([
    ["2024-99-99T00:00:00Z"],
    ["+275760-09-13T00:00:00.000Z"],
    ["1e300"],
    ["1711929600"],
    ["2026-03-01T10:00:00"],
    [""],
  ])("changes?since=%j → 400", async (since) => {
    const file = LIST_ROUTES.find((f) => f.includes("changes"))!;
    const { status, text } = await call(file, { since });
    expect(status, text).toBe(400);
    expect(JSON.parse(text)).toEqual({ error: expect.stringMatching(/^since/) });
  });

  it.each([
    ["NUL", "\u0000"],
    ["5,000 characters", "x".repeat(5000)],
    ["an escape inside", "grant_\u001b_1"],
    ["broken percent-encoding", "%E0%A4%A"],
  ])("grant id with %s → 400 or 404, never 500, on the grant routes", async (_, id) => {
    for (const file of V1_ROUTES.filter((f) => f.includes("[id]"))) {
      const { status, text } = await call(file, {}, id);
      expect([400, 404], `${file} ${text}`).toContain(status);
    }
  });
});

describe(`junk in the pages' queries (${provider})`, () => {
  const viewer = testViewer("admin");

  it.each(JUNK)("grants list: %s=%j is reported and the rest is shown", async (name, value) => {
    const { readGrantFilter } = await import("@/lib/grants/grant-filters");
    const { countGrantsByStatusFor, listGrants } = await import("@/lib/grants/queries/list-grants");
    const { filter, problems } = readGrantFilter({ business: "bus_test", [name]: value });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name}`))]);
    expect(filter.business).toBe("bus_test");
    await expect(listGrants(viewer, filter)).resolves.toMatchObject({ items: expect.any(Array) });
    await expect(countGrantsByStatusFor(viewer, filter)).resolves.toBeDefined();
  });

  it.each([
    ...JUNK.filter(([name]) => name === "after"),
    ["type", "entitlement_grant.\u0000"],
    ["outcome", "exploded"],
  ])("events: %s=%j is reported and the rest is shown", async (name, value) => {
    const { listEvents, readEventFilter } = await import("@/lib/webhooks/list-events");
    const { filter, problems } = readEventFilter({ [name]: value });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name}`))]);
    await expect(listEvents(viewer, filter)).resolves.toMatchObject({ items: expect.any(Array) });
  });

  it.each([
    ["before", "\u0000"],
    ["before", "x".repeat(5000)],
    ["before", "not-a-uuid"],
    ["action", "constructor"],
    ["action", "\u0000"],
  ])("audit log: %s=%j is reported and the rest is shown", async (name, value) => {
    const { listAuditLog, readAuditQuery } = await import("@/lib/audit/audit-log");
    const { query, problems } = readAuditQuery({ [name]: value });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name}`))]);
    await expect(listAuditLog(viewer, query)).resolves.toMatchObject({ rows: expect.any(Array) });
  });
});
