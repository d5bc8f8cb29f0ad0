// Sign-in, sessions, roles, API keys, throttling and the audit log, against Better Auth's real
// endpoints and our real route handlers and server actions.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { createHashGate, replaceHashGate } from "@/lib/auth/hash-gate";
import {
  authRequest,
  makeUser,
  mockNextHeaders,
  ORIGIN,
  requestHeaders,
  signIn,
} from "../support/auth";
import { cliViewer, issueViewer } from "@/lib/auth/viewer";
import { testViewer } from "../support/viewers";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";

mockNextHeaders();
configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const root = path.resolve(import.meta.dirname, "../..");

function filesNamed(dir: string, name: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(dir, file));
}

/** Every /api/v1 route handler, found on disk so a new route cannot be forgotten here. */
const V1_ROUTES = filesNamed("app/api/v1", "route.ts").map((file) => ({
  file,
  url: `${ORIGIN}/${path
    .dirname(file)
    .replace(/^app\//, "")
    .replaceAll("[id]", "grant_auth_1")}?since=2026-01-01T00:00:00Z`,
}));

async function callRoute(file: string, url: string, headers: Record<string, string> = {}) {
  const routeModule = (await import(/* @vite-ignore */ path.join(root, file))) as {
    GET: (request: Request, context: unknown) => Promise<Response>;
  };
  return routeModule.GET(new Request(url, { headers }), {
    params: Promise.resolve({ id: "grant_auth_1" }),
  });
}

/** The actions support may take (refreshing a grant, customer or entitlement from Dodo); every
 * other one is admin-only. */
const SUPPORT_MAY = ["refreshGrantAction", "refreshCustomerAction", "refreshEntitlementAction"];

/** Every server action except signing out, found on disk likewise. */
async function allActions() {
  const actions: { name: string; run: (form: FormData) => Promise<unknown> }[] = [];
  for (const file of filesNamed("app", "actions.ts").filter((file) => !file.includes("sign-in"))) {
    const actionsModule = (await import(/* @vite-ignore */ path.join(root, file))) as Record<
      string,
      unknown
    >;
    for (const [name, fn] of Object.entries(actionsModule)) {
      if (typeof fn === "function")
        actions.push({
          name: `${file}#${name}`,
          run: (form) => (fn as (p: null, f: FormData) => Promise<unknown>)(null, form),
        });
    }
  }
  return actions;
}

/** Every dashboard page and layout, found on disk likewise. */
const DASHBOARD_PAGES = [
  ...filesNamed("app/(dashboard)", "page.tsx"),
  ...filesNamed("app/(dashboard)", "layout.tsx"),
];

/** The `[id]` of each page, by its folder: the grant made below, its customer and entitlement. */
function pageIdOf(file: string): string {
  if (file.includes("/customers/")) return "cus_test";
  if (file.includes("/entitlements/")) return "ent_test";
  return "grant_auth_1";
}

/** Renders a page's server component the way Next calls it, for the grant made below. */
async function renderPage(file: string): Promise<unknown> {
  const pageModule = (await import(/* @vite-ignore */ path.join(root, file))) as {
    default: (props: unknown) => Promise<unknown>;
  };
  return pageModule.default({
    params: Promise.resolve({ id: pageIdOf(file) }),
    searchParams: Promise.resolve({}),
    children: null,
  });
}

async function digestOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { digest?: string }).digest;
  }
}

let admin: Awaited<ReturnType<typeof makeUser>>;
let support: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  // These tests sign in often and from one place; the gate has its own (sign-in-gate.test.ts).
  const wide = { perSecond: 1_000, burst: 1_000 };
  replaceHashGate(createHashGate({ perAddress: wide, global: wide }));
  admin = await makeUser("admin@auth.test", "admin");
  support = await makeUser("support@auth.test", "support");
  await deliver(
    grantEvent("delivered", {
      id: "grant_auth_1",
      status: "Delivered",
      updated_at: "2026-03-01T10:00:00Z",
      integration_type: "license_key",
      license_key: { key: "AUTH-KEY-0001", activations_used: 0, activations_limit: 1 },
    }),
  );
});

describe(`API routes (${provider})`, () => {
  it("finds the /api/v1 routes", () => {
    expect(V1_ROUTES.length).toBeGreaterThanOrEqual(6);
  });

  it("answer 401 without a session or key, with an unknown or malformed key", async () => {
    for (const { file, url } of V1_ROUTES) {
      for (const headers of [
        {},
        { authorization: "Bearer gd_not-a-real-key" },
        { authorization: "Basic abc" },
      ] as Record<string, string>[]) {
        const response = await callRoute(file, url, headers);
        expect(response.status, `${file} ${JSON.stringify(headers)}`).toBe(401);
        expect(await response.text()).not.toContain("AUTH-KEY");
      }
    }
  });

  it("answer with a valid API key, and 401 once it is revoked", async () => {
    const { createApiKey, revokeApiKey } = await import("@/lib/auth/api-keys");
    const key = await createApiKey(cliViewer(), "reader");
    for (const { file, url } of V1_ROUTES) {
      expect(
        (await callRoute(file, url, { authorization: `Bearer ${key.key}` })).status,
        file,
      ).toBe(200);
    }
    const row = await (await getDb()).apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.keyHash).not.toContain(key.key.slice(3));
    expect(row.lastUsedAt).not.toBeNull();
    await revokeApiKey(testViewer("admin"), key.id);
    for (const { file, url } of V1_ROUTES) {
      expect(
        (await callRoute(file, url, { authorization: `Bearer ${key.key}` })).status,
        file,
      ).toBe(401);
    }
  });

  it("answer with a session, and 401 once the user is disabled (signed out at once)", async () => {
    const user = await makeUser("soon-disabled@auth.test", "support");
    const cookie = await signIn(user.email, user.password);
    for (const { file, url } of V1_ROUTES)
      expect((await callRoute(file, url, { cookie })).status, file).toBe(200);
    const { setUserDisabled } = await import("@/lib/auth/users");
    await setUserDisabled(testViewer("admin"), user.id, true);
    for (const { file, url } of V1_ROUTES)
      expect((await callRoute(file, url, { cookie })).status, file).toBe(401);
    expect(await (await getDb()).session.count({ where: { userId: user.id } })).toBe(0);
    // And the right password no longer opens a session, answered as a wrong one is.
    const right = await authRequest("/sign-in/email", {
      email: user.email,
      password: user.password,
    });
    const wrong = await authRequest("/sign-in/email", {
      email: user.email,
      password: "wrong-1234",
    });
    expect(right.status).toBe(401);
    expect([right.status, await right.text()]).toEqual([wrong.status, await wrong.text()]);
    expect(right.headers.getSetCookie()).toEqual(wrong.headers.getSetCookie());
    expect(await (await getDb()).session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a cookie riding along does not rescue a bad key", async () => {
    const cookie = await signIn(admin.email, admin.password);
    const { file, url } = V1_ROUTES[0]!;
    expect((await callRoute(file, url, { cookie, authorization: "Bearer gd_wrong" })).status).toBe(
      401,
    );
  });
});

describe(`API keys and the user who created them (${provider})`, () => {
  async function statuses(key: string): Promise<Set<number>> {
    const answers: number[] = [];
    for (const { file, url } of V1_ROUTES)
      answers.push((await callRoute(file, url, { authorization: `Bearer ${key}` })).status);
    return new Set(answers);
  }

  async function keyMadeBy(email: string) {
    const creator = await makeUser(email, "admin");
    const viewer = issueViewer({ kind: "user", id: creator.id, label: email, role: "admin" });
    return { creator, viewer };
  }

  it("stop while their creator is disabled and work again once re-enabled", async () => {
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { setUserDisabled } = await import("@/lib/auth/users");
    const { creator, viewer } = await keyMadeBy("key-maker@auth.test");
    const { key } = await createApiKey(viewer, "made by a person");
    const teamKey = (await createApiKey(cliViewer(), "made on the command line")).key;
    expect(await statuses(key)).toEqual(new Set([200]));
    await setUserDisabled(testViewer("admin"), creator.id, true);
    expect(await statuses(key)).toEqual(new Set([401]));
    expect(await statuses(teamKey)).toEqual(new Set([200]));
    await setUserDisabled(testViewer("admin"), creator.id, false);
    expect(await statuses(key)).toEqual(new Set([200]));
  });

  it("refuse a key whose creator is not in the database", async () => {
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { key } = await createApiKey(testViewer("admin"), "creator unknown");
    expect(await statuses(key)).toEqual(new Set([401]));
  });

  it("are counted on the team page and in the disable and re-enable answers", async () => {
    const { setDisabledAction } = await import("@/app/(dashboard)/settings/actions");
    const { createApiKey, revokeApiKey } = await import("@/lib/auth/api-keys");
    const { listUsers } = await import("@/lib/auth/users");
    const { creator, viewer } = await keyMadeBy("two-keys@auth.test");
    await createApiKey(viewer, "first");
    await createApiKey(viewer, "second");
    await revokeApiKey(viewer, (await createApiKey(viewer, "revoked")).id);
    const listed = (await listUsers(testViewer("admin"))).find((user) => user.id === creator.id);
    expect(listed?.liveApiKeys).toBe(2);

    const lead = await makeUser("team-lead@auth.test", "admin");
    requestHeaders.current = new Headers({ cookie: await signIn(lead.email, lead.password) });
    const form = new FormData();
    form.set("userId", creator.id);
    form.set("disabled", "true");
    expect(await setDisabledAction(null, form)).toEqual({
      ok: true,
      message:
        "Disabled and signed out. The 2 API keys they created stop working until they are re-enabled.",
    });
    form.set("disabled", "false");
    expect(await setDisabledAction(null, form)).toEqual({
      ok: true,
      message: "Re-enabled. The 2 API keys they created work again.",
    });
  });
});

describe(`server actions (${provider})`, () => {
  it("refuse a signed-out caller or a disabled user with 401, and support with 403 unless support may", async () => {
    const actions = await allActions();
    expect(actions.length).toBeGreaterThanOrEqual(10);
    const supportCookie = await signIn(support.email, support.password);
    const leaver = await makeUser("leaver@auth.test", "admin");
    const leaverCookie = await signIn(leaver.email, leaver.password);
    const { setUserDisabled } = await import("@/lib/auth/users");
    await setUserDisabled(testViewer("admin"), leaver.id, true);
    for (const action of actions) {
      requestHeaders.current = new Headers();
      expect(await digestOf(action.run(new FormData())), `${action.name} signed out`).toMatch(
        /;401$/,
      );
      requestHeaders.current = new Headers({ cookie: leaverCookie });
      expect(
        await digestOf(action.run(new FormData())),
        `${action.name} as a disabled admin`,
      ).toMatch(/;401$/);
      requestHeaders.current = new Headers({ cookie: supportCookie });
      const asSupport = await digestOf(action.run(new FormData()));
      if (SUPPORT_MAY.some((name) => action.name.endsWith(`#${name}`)))
        expect(asSupport, `${action.name} as support`).toBeUndefined();
      else expect(asSupport, `${action.name} as support`).toMatch(/;403$/);
    }
  });

  it("refuse a valid API key with 401: keys are for /api/v1 only", async () => {
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { key } = await createApiKey(cliViewer(), "not for actions");
    for (const action of await allActions()) {
      requestHeaders.current = new Headers({ authorization: `Bearer ${key}` });
      expect(await digestOf(action.run(new FormData())), `${action.name} with a key`).toMatch(
        /;401$/,
      );
    }
  });

  it("let an admin create a user and an API key, each written to the audit log", async () => {
    const { createUserAction, createApiKeyAction } =
      await import("@/app/(dashboard)/settings/actions");
    requestHeaders.current = new Headers({ cookie: await signIn(admin.email, admin.password) });
    const form = new FormData();
    Object.entries({
      email: "New.Person@Auth.test",
      password: "a-long-enough-password",
      role: "support",
    }).forEach(([k, v]) => form.set(k, v));
    expect(await createUserAction(null, form)).toMatchObject({ ok: true });
    expect(await createUserAction(null, form)).toMatchObject({
      ok: false,
      message: expect.stringContaining("already exists"),
    });
    const keyForm = new FormData();
    keyForm.set("name", "nightly export");
    const created = await createApiKeyAction(null, keyForm);
    expect(created?.key).toMatch(/^gd_[A-Za-z0-9_-]{40,}$/);
    const log = await (
      await getDb()
    ).auditLog.findMany({ where: { actorEmail: admin.email }, orderBy: { at: "asc" } });
    expect(log.map((row) => [row.action, row.targetType])).toEqual([
      ["user.created", "user"],
      ["api_key.created", "api_key"],
    ]);
    expect(JSON.stringify(log)).not.toContain(created!.key!);
  });

  it("keep at least one active admin", async () => {
    const { setUserDisabled, setUserRole } = await import("@/lib/auth/users");
    const db = await getDb();
    const admins = await db.user.findMany({ where: { role: "admin", disabled: false } });
    for (const other of admins.slice(1)) await setUserDisabled(testViewer("admin"), other.id, true);
    await expect(setUserRole(testViewer("admin"), admins[0]!.id, "support")).rejects.toThrow(
      "at least one active admin",
    );
    await expect(setUserDisabled(testViewer("admin"), admins[0]!.id, true)).rejects.toThrow(
      "at least one active admin",
    );
    for (const other of admins.slice(1))
      await setUserDisabled(testViewer("admin"), other.id, false);
  });
});

describe(`dashboard pages (${provider})`, () => {
  it("find every page and layout", () => {
    expect(DASHBOARD_PAGES.length).toBeGreaterThanOrEqual(11);
  });

  it("render for a session, and send a request with only an API key to sign in", async () => {
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { key } = await createApiKey(cliViewer(), "not for pages");
    const adminCookie = await signIn(admin.email, admin.password);
    for (const file of DASHBOARD_PAGES) {
      requestHeaders.current = new Headers({ cookie: adminCookie });
      expect(await digestOf(renderPage(file)), `${file} as the admin`).toBeUndefined();
      requestHeaders.current = new Headers({ authorization: `Bearer ${key}` });
      expect((await digestOf(renderPage(file))) ?? "rendered", `${file} with a key`).toMatch(
        /^NEXT_REDIRECT;\w+;\/sign-in;307;/,
      );
    }
  });
});

describe(`sign-in (${provider})`, () => {
  it("sets an HttpOnly, SameSite=Lax session cookie stored as a database session", async () => {
    const response = await authRequest("/sign-in/email", {
      email: admin.email,
      password: admin.password,
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await (await getDb()).session.count({ where: { userId: admin.id } })).toBeGreaterThan(0);
  });

  it("refuses a sign-in posted from another site", async () => {
    const response = await authRequest(
      "/sign-in/email",
      { email: admin.email, password: admin.password },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
  });

  it("has no public sign-up", async () => {
    const response = await authRequest("/sign-up/email", {
      email: "intruder@auth.test",
      password: "intruder-password",
      name: "x",
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await (await getDb()).user.count({ where: { email: "intruder@auth.test" } })).toBe(0);
  });
});

describe(`every API route has a door (${provider})`, () => {
  // The routes that take no session: their callers are machines with their own credential. Any
  // other route under app/api must be /api/v1 (checked above) or Better Auth's own.
  const MACHINE_ROUTES = [
    "app/api/webhooks/dodo/route.ts", // Standard Webhooks signature (below)
    "app/api/health/route.ts", // public by design: monitors
    "app/api/health/live/route.ts",
    "app/api/cron/alerts/route.ts", // CRON_SECRET (below)
    "app/api/cron/sync/route.ts",
  ];

  it("lists every route outside /api/v1 and /api/auth here", () => {
    const others = filesNamed("app/api", "route.ts")
      .filter((file) => !file.startsWith("app/api/v1/") && !file.startsWith("app/api/auth/"))
      .sort();
    expect(others).toEqual([...MACHINE_ROUTES].sort());
  });

  it("the cron routes refuse a session, an API key, a missing or wrong CRON_SECRET", async () => {
    // No CRON_SECRET is configured in this file: then nothing opens them, not even an admin.
    const { withApiKey } = await import("../support/viewers");
    const admin = await makeUser("cron-admin@auth.test", "admin");
    const cookie = await signIn(admin.email, admin.password);
    for (const file of filesNamed("app/api/cron", "route.ts")) {
      const url = `${ORIGIN}/${path.dirname(file).replace(/^app\//, "")}`;
      const apiKey = await withApiKey(url);
      for (const headers of [
        {},
        { cookie },
        { authorization: apiKey.headers.get("authorization")! },
        { authorization: "Bearer wrong-cron-secret-000000" },
      ] as Record<string, string>[]) {
        const response = await callRoute(file, url, headers);
        expect(response.status, `${file} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
  });
});

describe(`the webhook route (${provider})`, () => {
  it("still takes signed deliveries with no session at all", async () => {
    const result = await deliver(
      grantEvent("created", { id: "grant_auth_public", updated_at: "2026-03-02T10:00:00Z" }),
    );
    expect(result).toMatchObject({ status: 200, body: { outcome: "applied" } });
  });
});
