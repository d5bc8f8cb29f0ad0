// The Dodo mock must speak exactly what the real `dodopayments` SDK sends and expects: these tests
// drive it with the SDK itself (no hand-written fetches for the API), on 127.0.0.1 only.
import http from "node:http";
import { randomBytes } from "node:crypto";
import DodoPayments, {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  UnprocessableEntityError,
} from "dodopayments";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startDodoMock, type DodoMock } from "@/scripts/dodo-mock/server";

const API_KEY = "test_dodo_key";

function sdk(
  mock: DodoMock,
  options: { bearerToken?: string; timeout?: number; maxRetries?: number } = {},
): DodoPayments {
  // baseURL wins over the default environment (live_mode); passing `environment` too would throw.
  return new DodoPayments({
    bearerToken: API_KEY,
    baseURL: mock.url,
    maxRetries: 0,
    logLevel: "off",
    ...options,
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

function at(minute: number): string {
  return new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString().replace(/\.000Z$/, "Z");
}

describe("Dodo mock, driven by the dodopayments SDK", () => {
  let mock: DodoMock;
  let client: DodoPayments;

  beforeAll(async () => {
    mock = await startDodoMock({ port: 0 });
    client = sdk(mock);
  });
  afterAll(() => mock.stop());
  beforeEach(() => mock.reset());

  it("listens on 127.0.0.1", () => {
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
  });

  it("pages through entitlements with page-number pagination, each exactly once", async () => {
    const types = ["license_key", "digital_files", "discord", "github", "license_key"] as const;
    types.forEach((integration_type, i) =>
      mock.addEntitlement({ id: `ent_${i}`, integration_type, created_at: at(i) }),
    );

    const all = await collect(client.entitlements.list({ page_number: 0, page_size: 2 }));
    expect(all.map((e) => e.id)).toEqual(["ent_0", "ent_1", "ent_2", "ent_3", "ent_4"]);
    // The SDK only stops at an empty page, so it always asks for one page past the end.
    expect(mock.requests().map((r) => r.query.page_number)).toEqual(["0", "1", "2", "3"]);
    expect(
      mock
        .requests()
        .every((r) => r.authorization === `Bearer ${API_KEY}` && r.path === "/entitlements"),
    ).toBe(true);

    const licenses = await collect(
      client.entitlements.list({ page_number: 0, page_size: 100, integration_type: "license_key" }),
    );
    expect(licenses.map((e) => e.id)).toEqual(["ent_0", "ent_4"]);
    expect(licenses[0]).toMatchObject({
      integration_type: "license_key",
      is_active: true,
      metadata: {},
      business_id: expect.any(String),
    });
  });

  it("pages through one customer's grants sorted by created_at then id, each exactly once", async () => {
    mock.addEntitlement({ id: "ent_lk", integration_type: "license_key" });
    const grantIds: string[] = [];
    for (let i = 0; i < 9; i++) {
      const customer_id = i % 3 === 2 ? "cus_other" : "cus_ada";
      // Two grants share each timestamp, so the id decides the order between them.
      const g = mock.addGrant({
        id: `entg_${String(8 - i).padStart(2, "0")}`,
        entitlement_id: "ent_lk",
        customer_id,
        created_at: at(Math.floor(i / 2)),
      });
      if (customer_id === "cus_ada") grantIds.push(g.id);
    }
    const expected = mock
      .grants()
      .filter((g) => g.customer_id === "cus_ada")
      .map((g) => g.id);
    expect([...expected].sort()).toEqual([...grantIds].sort());

    const listed = await collect(
      client.entitlements.grants.list("ent_lk", {
        page_number: 0,
        page_size: 2,
        customer_id: "cus_ada",
      }),
    );
    expect(listed.map((g) => g.id)).toEqual(expected);
    expect(new Set(listed.map((g) => g.id)).size).toBe(6);
    expect(listed[0]).toMatchObject({
      status: "Pending",
      integration_type: "license_key",
      brand_id: expect.any(String),
      metadata: {},
    });

    const pending = await collect(
      client.entitlements.grants.list("ent_lk", {
        page_number: 0,
        page_size: 100,
        status: "Delivered",
      }),
    );
    expect(pending).toEqual([]);
  });

  it("documents an SDK trap: without page_number the second page (1) is skipped", async () => {
    mock.addEntitlement({ id: "ent_lk", integration_type: "license_key" });
    for (let i = 0; i < 5; i++)
      mock.addGrant({
        id: `entg_${i}`,
        entitlement_id: "ent_lk",
        customer_id: "cus_ada",
        created_at: at(i),
      });
    // DefaultPageNumberPagination computes the next page as `page_number ?? 1` + 1.
    const listed = await collect(client.entitlements.grants.list("ent_lk", { page_size: 2 }));
    expect(listed.map((g) => g.id)).toEqual(["entg_0", "entg_1", "entg_4"]);
    expect(mock.requests().map((r) => r.query.page_number)).toEqual([undefined, "2", "3"]);
  });

  it("answers an unknown entitlement with 404 NotFoundError", async () => {
    const error = await client.entitlements.grants
      .list("ent_missing", { page_number: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).error).toMatchObject({ code: "NOT_FOUND" });
  });

  it("revokes a grant idempotently", async () => {
    mock.addEntitlement({ id: "ent_gh", integration_type: "github" });
    mock.addGrant({
      id: "entg_gh",
      entitlement_id: "ent_gh",
      customer_id: "cus_ada",
      status: "Delivered",
      created_at: at(0),
    });

    const revoked = await client.entitlements.grants.revoke("entg_gh", { id: "ent_gh" });
    expect(revoked).toMatchObject({
      id: "entg_gh",
      status: "Revoked",
      revocation_reason: "manual",
      revoked_at: expect.any(String),
    });
    expect(revoked.updated_at).toBe(revoked.revoked_at);

    mock.updateGrant("entg_gh", { updated_at: "2026-03-02T00:00:00Z" });
    const again = await client.entitlements.grants.revoke("entg_gh", { id: "ent_gh" });
    expect(again).toMatchObject({
      status: "Revoked",
      revoked_at: revoked.revoked_at,
      updated_at: "2026-03-02T00:00:00Z",
    });
    expect(mock.requests().at(-1)).toMatchObject({
      method: "DELETE",
      path: "/entitlements/ent_gh/grants/entg_gh",
    });

    await expect(
      client.entitlements.grants.revoke("entg_nope", { id: "ent_gh" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      client.entitlements.grants.revoke("entg_gh", { id: "ent_nope" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("fulfils a pending license-key grant, and refuses the wrong state, type or body with 422", async () => {
    mock.addEntitlement({ id: "ent_lk", integration_type: "license_key" });
    mock.addEntitlement({ id: "ent_dc", integration_type: "discord" });
    mock.addGrant({ id: "entg_lk", entitlement_id: "ent_lk", customer_id: "cus_ada" });
    mock.addGrant({ id: "entg_dc", entitlement_id: "ent_dc", customer_id: "cus_ada" });

    const delivered = await client.entitlements.grants.fulfillLicenseKey("entg_lk", {
      key: "LK-1234-ABCD",
      activations_limit: 3,
    });
    expect(delivered).toMatchObject({
      status: "Delivered",
      delivered_at: expect.any(String),
      license_key: {
        id: expect.stringMatching(/^lk_/),
        key: "LK-1234-ABCD",
        activations_used: 0,
        activations_limit: 3,
        expires_at: null,
        status: "active",
      },
    });
    expect(mock.grants().find((g) => g.id === "entg_lk")?.status).toBe("Delivered");

    await expect(
      client.entitlements.grants.fulfillLicenseKey("entg_lk", { key: "LK-again" }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
    await expect(
      client.entitlements.grants.fulfillLicenseKey("entg_dc", { key: "LK-x" }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
    mock.addGrant({ id: "entg_lk2", entitlement_id: "ent_lk", customer_id: "cus_ada" });
    await expect(
      client.entitlements.grants.fulfillLicenseKey("entg_lk2", { key: "" }),
    ).rejects.toThrow(/key is required/);
    await expect(
      client.entitlements.grants.fulfillLicenseKey("entg_nope", { key: "LK-x" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a wrong API key with 401 AuthenticationError", async () => {
    const error = await sdk(mock, { bearerToken: "wrong" })
      .entitlements.list({ page_number: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).error).toMatchObject({ code: "UNAUTHORIZED" });
  });

  describe("customers, subscriptions and the entitlement catalog", () => {
    beforeEach(() => {
      mock.addEntitlement({ id: "ent_patrons", integration_type: "discord", created_at: at(0) });
      mock.addGrant({
        id: "entg_held",
        entitlement_id: "ent_patrons",
        customer_id: "cus_mock_ada_lovelace",
        subscription_id: "sub_held",
        status: "Revoked",
        revocation_reason: "subscription_on_hold",
        revoked_at: at(5),
        created_at: at(1),
      });
      mock.addGrant({
        id: "entg_live",
        entitlement_id: "ent_patrons",
        customer_id: "cus_grace",
        subscription_id: "sub_live",
        status: "Delivered",
        created_at: at(2),
      });
    });

    it("retrieves the customer a grant names, with a profile, and 404s an unknown one", async () => {
      await expect(client.customers.retrieve("cus_mock_ada_lovelace")).resolves.toEqual({
        business_id: expect.any(String),
        created_at: at(1),
        customer_id: "cus_mock_ada_lovelace",
        email: "ada.lovelace@example.com",
        name: "Ada Lovelace",
        metadata: {},
        phone_number: null,
      });
      await expect(client.customers.retrieve("cus_nobody")).rejects.toBeInstanceOf(NotFoundError);
      expect(mock.requests().at(-1)).toMatchObject({
        method: "GET",
        path: "/customers/cus_nobody",
      });
    });

    it("lists customers page by page, added ones with their own profile, filtered by email and name", async () => {
      mock.addCustomer({
        customer_id: "cus_jane",
        email: "Jane@Example.com",
        name: "Jane Doe",
        created_at: at(0),
      });
      const all = await collect(client.customers.list({ page_number: 0, page_size: 1 }));
      expect(all.map((c) => c.customer_id)).toEqual([
        "cus_jane",
        "cus_mock_ada_lovelace",
        "cus_grace",
      ]);
      const byEmail = await collect(
        client.customers.list({ page_number: 0, email: "jane@example.com" }),
      );
      expect(byEmail.map((c) => c.name)).toEqual(["Jane Doe"]);
      const byName = await collect(client.customers.list({ page_number: 0, name: "LOVE" }));
      expect(byName.map((c) => c.customer_id)).toEqual(["cus_mock_ada_lovelace"]);
      mock.updateCustomer("cus_grace", { name: "Grace Hopper" });
      await expect(client.customers.retrieve("cus_grace")).resolves.toMatchObject({
        name: "Grace Hopper",
        email: "grace@example.com",
      });
    });

    it("lists and retrieves the subscriptions grants name, their status agreeing with the revocation", async () => {
      const listed = await collect(client.subscriptions.list({ page_number: 0, page_size: 1 }));
      expect(listed.map((s) => [s.subscription_id, s.status])).toEqual([
        ["sub_held", "on_hold"],
        ["sub_live", "active"],
      ]);
      expect(listed[0]).toMatchObject({
        customer: {
          customer_id: "cus_mock_ada_lovelace",
          email: "ada.lovelace@example.com",
          name: "Ada Lovelace",
        },
        product_id: "pdt_patrons",
        product_name: "Patrons role",
        next_billing_date: expect.any(String),
        discounts: [],
      });
      expect(listed[0]).not.toHaveProperty("addons");

      const held = await collect(
        client.subscriptions.list({
          page_number: 0,
          status: "on_hold",
          customer_id: "cus_mock_ada_lovelace",
        }),
      );
      expect(held.map((s) => s.subscription_id)).toEqual(["sub_held"]);
      await expect(client.subscriptions.retrieve("sub_live")).resolves.toMatchObject({
        subscription_id: "sub_live",
        status: "active",
        addons: [],
        customer: { customer_id: "cus_grace" },
      });
      await expect(client.subscriptions.retrieve("sub_none")).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        client.subscriptions.list({ page_number: 0, status: "asleep" as "active" }),
      ).rejects.toBeInstanceOf(UnprocessableEntityError);

      mock.addSubscription({
        subscription_id: "sub_live",
        customer_id: "cus_grace",
        status: "cancelled",
        cancelled_at: at(9),
      });
      await expect(client.subscriptions.retrieve("sub_live")).resolves.toMatchObject({
        status: "cancelled",
        cancelled_at: at(9),
      });
    });

    it("retrieves an entitlement by id, named and configured like a real catalog", async () => {
      await expect(client.entitlements.retrieve("ent_patrons")).resolves.toMatchObject({
        id: "ent_patrons",
        name: "Patrons role",
        integration_type: "discord",
        is_active: true,
        integration_config: { guild_id: expect.any(String), role_id: expect.any(String) },
      });
      await expect(client.entitlements.retrieve("ent_none")).rejects.toBeInstanceOf(NotFoundError);
    });

    it.each([
      ["discord", { guild_id: expect.any(String), role_id: expect.any(String) }],
      ["github", { target_id: expect.stringContaining("/"), permission: "pull" }],
      ["telegram", { chat_id: expect.stringMatching(/^-\d+$/) }],
      ["figma", { figma_file_id: expect.any(String) }],
      ["framer", { framer_template_id: expect.any(String) }],
      ["notion", { notion_template_id: expect.any(String) }],
      [
        "digital_files",
        { digital_files: { files: [expect.objectContaining({ filename: expect.any(String) })] } },
      ],
      ["license_key", { activations_limit: 3, duration_interval: "Year" }],
      ["feature_flag", { feature_id: expect.any(String), feature_type: "boolean" }],
    ] as const)(
      "gives a %s entitlement a name and a realistic integration_config",
      async (type, config) => {
        mock.addEntitlement({ id: `ent_${type}`, integration_type: type });
        const entitlement = await client.entitlements.retrieve(`ent_${type}`);
        expect(entitlement.name).not.toBe(`ent_${type}`);
        expect(entitlement.integration_config).toMatchObject(config);
      },
    );
  });

  describe("faults", () => {
    beforeEach(() => mock.addEntitlement({ id: "ent_lk", integration_type: "license_key" }));

    it.each([
      [404, NotFoundError],
      [422, UnprocessableEntityError],
      [500, InternalServerError],
      [503, InternalServerError],
    ] as const)("an injected %i surfaces as the SDK's %o", async (status, ErrorClass) => {
      mock.injectFault({ method: "GET", path: "/entitlements", status });
      await expect(client.entitlements.list({ page_number: 0 })).rejects.toBeInstanceOf(ErrorClass);
      // `times` defaults to 1: the next request is handled normally.
      await expect(collect(client.entitlements.list({ page_number: 0 }))).resolves.toHaveLength(1);
    });

    it("a 429 carries Retry-After, and the SDK waits that long before its retry", async () => {
      mock.injectFault({ path: "^/entitlements$", status: 429, retryAfterSeconds: 7 });
      const error = await client.entitlements.list({ page_number: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).headers.get("retry-after")).toBe("7");

      mock.injectFault({ path: "^/entitlements$", status: 429, retryAfterSeconds: 1 });
      const started = Date.now();
      const retried = await collect(
        sdk(mock, { maxRetries: 1 }).entitlements.list({ page_number: 0 }),
      );
      expect(retried).toHaveLength(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    });

    it("a disconnect surfaces as APIConnectionError (not a timeout)", async () => {
      mock.injectFault({ method: "DELETE", disconnect: true });
      mock.addGrant({ id: "entg_1", entitlement_id: "ent_lk", customer_id: "cus_ada" });
      const error = await client.entitlements.grants
        .revoke("entg_1", { id: "ent_lk" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIConnectionError);
      expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
      // The socket died before any handling: the grant is untouched.
      expect(mock.grants()[0]?.status).toBe("Pending");
    });

    it("a delay beyond the client's timeout surfaces as APIConnectionTimeoutError", async () => {
      mock.injectFault({ path: "/grants", delayMs: 2_000 });
      const error = await sdk(mock, { timeout: 150 })
        .entitlements.grants.list("ent_lk", { page_number: 0 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    });

    it("a delay within the timeout answers normally, late", async () => {
      mock.injectFault({ path: "/grants", delayMs: 200 });
      const started = Date.now();
      await expect(
        collect(client.entitlements.grants.list("ent_lk", { page_number: 0 })),
      ).resolves.toEqual([]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    });

    it("times counts matching requests, and a fault's own body is sent as is", async () => {
      mock.injectFault({
        path: "/entitlements",
        status: 503,
        times: 2,
        body: { code: "MAINTENANCE", message: "back soon" },
      });
      const first = await client.entitlements.list({ page_number: 0 }).catch((e: unknown) => e);
      expect((first as InternalServerError).error).toEqual({
        code: "MAINTENANCE",
        message: "back soon",
      });
      await expect(client.entitlements.list({ page_number: 0 })).rejects.toBeInstanceOf(
        InternalServerError,
      );
      await expect(client.entitlements.list({ page_number: 0 })).resolves.toBeDefined();
    });
  });

  describe("control endpoints", () => {
    it("seed, patch, inspect and reset over HTTP, without the Bearer key", async () => {
      const post = (path: string, body: unknown, method = "POST") =>
        fetch(`${mock.url}/__mock/${path}`, {
          method,
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      expect((await post("entitlements", { id: "ent_x", integration_type: "notion" })).status).toBe(
        201,
      );
      expect(
        (await post("grants", { id: "entg_x", entitlement_id: "ent_x", customer_id: "cus_ada" }))
          .status,
      ).toBe(201);
      expect(
        (
          await post("grants", {
            id: "entg_y",
            entitlement_id: "ent_missing",
            customer_id: "cus_ada",
          })
        ).status,
      ).toBe(400);
      expect(
        (await post("grants/entg_x", { status: "Failed", error_code: "notion_denied" }, "PATCH"))
          .status,
      ).toBe(200);
      expect((await post("faults", { path: "/grants", status: 500 })).status).toBe(201);

      await expect(
        client.entitlements.grants.list("ent_x", { page_number: 0 }),
      ).rejects.toBeInstanceOf(InternalServerError);
      const grants = (await (await fetch(`${mock.url}/__mock/grants`)).json()) as {
        id: string;
        status: string;
      }[];
      expect(grants).toMatchObject([
        { id: "entg_x", status: "Failed", integration_type: "notion" },
      ]);
      const requests = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as {
        path: string;
      }[];
      expect(requests.map((r) => r.path)).toEqual(["/entitlements/ent_x/grants"]);

      expect(
        (await post("customers", { customer_id: "cus_ctl", email: "ctl@example.com", name: "Ctl" }))
          .status,
      ).toBe(201);
      expect((await post("customers", { email: "x@example.com" })).status).toBe(400);
      expect(
        (await post("subscriptions", { subscription_id: "sub_ctl", customer_id: "cus_ctl" }))
          .status,
      ).toBe(201);
      const people = (await (await fetch(`${mock.url}/__mock/customers`)).json()) as {
        customer_id: string;
      }[];
      expect(people.map((c) => c.customer_id).sort()).toEqual(["cus_ada", "cus_ctl"]);

      expect((await post("reset", {})).status).toBe(200);
      expect(mock.grants()).toEqual([]);
      expect(mock.customers()).toEqual([]);
      expect(mock.subscriptions()).toEqual([]);
      expect(
        (await fetch(`${mock.url}/nowhere`, { headers: { authorization: `Bearer ${API_KEY}` } }))
          .status,
      ).toBe(404);
    });
  });
});

describe("Dodo mock webhooks", () => {
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  type Delivery = { body: string; headers: Record<string, string> };
  let deliveries: Delivery[];
  let failNext: number;
  let onDelivery: (() => void) | undefined;
  let receiver: http.Server;
  let mock: DodoMock;
  let client: DodoPayments;

  function waitForDeliveries(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (deliveries.length < count) return;
        onDelivery = undefined;
        resolve();
      };
      onDelivery = check;
      check();
    });
  }

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        deliveries.push({
          body: Buffer.concat(chunks).toString("utf8"),
          headers: req.headers as Record<string, string>,
        });
        res.writeHead(failNext-- > 0 ? 500 : 204).end();
        onDelivery?.();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const { port } = receiver.address() as { port: number };
    mock = await startDodoMock({
      webhookUrl: `http://127.0.0.1:${port}/api/webhooks/dodo`,
      webhookSecret: secret,
    });
    client = sdk(mock);
  });
  afterAll(async () => {
    await mock.stop();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });
  beforeEach(() => {
    deliveries = [];
    failNext = 0;
    mock.reset();
    mock.addEntitlement({ id: "ent_lk", integration_type: "license_key" });
  });
  afterEach(() => {
    onDelivery = undefined;
  });

  it("sends a signed entitlement_grant.revoked after a revoke, once", async () => {
    mock.addGrant({
      id: "entg_1",
      entitlement_id: "ent_lk",
      customer_id: "cus_ada",
      status: "Delivered",
    });
    await client.entitlements.grants.revoke("entg_1", { id: "ent_lk" });
    await waitForDeliveries(1);

    const [delivery] = deliveries;
    const payload = new Webhook(secret).verify(delivery!.body, delivery!.headers) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({
      business_id: expect.any(String),
      type: "entitlement_grant.revoked",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      data: {
        payload_type: "EntitlementGrant",
        id: "entg_1",
        status: "Revoked",
        revocation_reason: "manual",
      },
    });
    expect(delivery!.headers["webhook-id"]).toMatch(/^msg_mock_/);
    expect(delivery!.headers["content-type"]).toBe("application/json");

    // Idempotent revoke: no second event.
    await client.entitlements.grants.revoke("entg_1", { id: "ent_lk" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deliveries).toHaveLength(1);
  });

  it("sends entitlement_grant.delivered after a fulfilment, retrying a failing receiver with the same webhook-id", async () => {
    failNext = 2;
    mock.addGrant({ id: "entg_2", entitlement_id: "ent_lk", customer_id: "cus_ada" });
    await client.entitlements.grants.fulfillLicenseKey("entg_2", { key: "LK-9" });
    await waitForDeliveries(3);

    expect(new Set(deliveries.map((d) => d.headers["webhook-id"])).size).toBe(1);
    const payload = new Webhook(secret).verify(deliveries[2]!.body, deliveries[2]!.headers) as {
      type: string;
      data: { license_key: { key: string } };
    };
    expect(payload.type).toBe("entitlement_grant.delivered");
    expect(payload.data.license_key.key).toBe("LK-9");
  });
});
