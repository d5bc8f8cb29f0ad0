// Every /api/v1 JSON answer against its schema in lib/api/v1-schemas.ts, with grants that fill
// every optional part (key, files, feature, revocation, failure, a re-delivery): a field added,
// renamed or retyped in a route without its schema fails here, so the schemas (and the OpenAPI
// description generated from them) stay what the API really sends.
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { z } from "zod";
import {
  grantChangesJsonSchema,
  grantJsonSchema,
  grantListJsonSchema,
  licenseKeyJsonSchema,
  statsJsonSchema,
} from "@/lib/api/v1-schemas";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { withApiKey } from "../support/viewers";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const FULL = "grant_schema_full";
const FAILED = "grant_schema_failed";
const KEY = "SCHEMA-KEY-4242-ABCD";

type Route = (request: Request, context: unknown) => Promise<Response>;
async function getJson(route: string, path: string, id?: string) {
  const { GET } = (await import(/* @vite-ignore */ route)) as { GET: Route };
  const response = await GET(await withApiKey(`http://localhost${path}`), {
    params: Promise.resolve({ id }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as unknown;
}

/** Parses strictly and says which path broke, so a renamed field names itself. */
function expectMatches(schema: z.ZodType, body: unknown) {
  const result = schema.safeParse(body);
  expect(result.success ? [] : result.error.issues).toEqual([]);
}

beforeAll(async () => {
  const full = {
    id: FULL,
    status: "Delivered",
    updated_at: "2026-03-04T10:00:00Z",
    delivered_at: "2026-03-04T10:00:00Z",
    integration_type: "license_key",
    subscription_id: "sub_schema",
    payment_id: "pay_schema",
    brand_id: "brand_schema",
    metadata: { note: "schema" },
    oauth_url: "https://example.com/oauth",
    oauth_expires_at: "2026-03-05T10:00:00Z",
    license_key: {
      id: "lk_schema",
      key: KEY,
      status: "active",
      activations_used: 1,
      activations_limit: 3,
      expires_at: "2027-03-04T10:00:00Z",
    },
    digital_product_delivery: {
      files: [{ file_id: "f1", filename: "a.zip", download_url: "https://example.com/a.zip" }],
      instructions: "unzip",
      external_url: "https://example.com",
    },
    feature: { feature_id: "feat_1", feature_type: "boolean" },
  };
  await deliver(grantEvent("created", { ...full, status: "Pending" }, "2026-03-04T09:00:00Z"));
  await deliver(grantEvent("delivered", full));
  await deliver(
    grantEvent("revoked", {
      ...full,
      status: "Revoked",
      updated_at: "2026-03-06T10:00:00Z",
      revoked_at: "2026-03-06T10:00:00Z",
      revocation_reason: "refund",
    }),
  );
  await deliver(
    grantEvent("failed", {
      id: FAILED,
      status: "Failed",
      updated_at: "2026-03-04T11:00:00Z",
      integration_type: "discord",
      error_code: "oauth_token_revoked",
      error_message: "token revoked",
    }),
  );
});

describe(`/api/v1 answers match their schemas (${provider})`, () => {
  it("GET /api/v1/grants", async () => {
    const body = await getJson("@/app/api/v1/grants/route", "/api/v1/grants?size=25");
    expectMatches(grantListJsonSchema, body);
    expect(grantListJsonSchema.parse(body).items.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ["a grant with every part", FULL, ""],
    ["a grant with its key included", FULL, "?include=license_key"],
    ["a failed grant with no optional parts", FAILED, ""],
  ])("GET /api/v1/grants/{id}: %s", async (_, id, query) => {
    const body = await getJson(
      "@/app/api/v1/grants/[id]/route",
      `/api/v1/grants/${id}${query}`,
      id,
    );
    expectMatches(grantJsonSchema, body);
    const grant = grantJsonSchema.parse(body);
    expect(grant.license_key?.key).toBe(query ? KEY : undefined);
    if (id === FULL) {
      expect(grant.events).toHaveLength(3);
      expect(grant.feature).not.toBeNull();
      expect(grant.digital_product_delivery).not.toBeNull();
    }
  });

  it("GET /api/v1/grants/{id}/license-key", async () => {
    const body = await getJson(
      "@/app/api/v1/grants/[id]/license-key/route",
      `/api/v1/grants/${FULL}/license-key`,
      FULL,
    );
    expectMatches(licenseKeyJsonSchema, body);
  });

  it("GET /api/v1/grants/changes", async () => {
    const body = await getJson(
      "@/app/api/v1/grants/changes/route",
      "/api/v1/grants/changes?since=2020-01-01T00:00:00Z",
    );
    expectMatches(grantChangesJsonSchema, body);
    expect(grantChangesJsonSchema.parse(body).changed).toBeGreaterThanOrEqual(2);
  });

  it("GET /api/v1/stats", async () => {
    const body = await getJson("@/app/api/v1/stats/route", "/api/v1/stats");
    expectMatches(statsJsonSchema, body);
  });

  it("the schemas are strict: a field the schema does not name fails", () => {
    const body = { changed: 1, capped: false, extra: true };
    expect(grantChangesJsonSchema.safeParse(body).success).toBe(false);
  });
});
