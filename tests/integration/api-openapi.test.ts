// GET /api/v1/openapi.json: behind the same sign-in as the rest of the API, and a description of
// every /api/v1 route whose grant schema names exactly the fields a real answer has.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { SECRET, configureWebhookSecrets, deliver, grantEvent } from "../support/webhooks";
import { withApiKey } from "../support/viewers";

configureWebhookSecrets(SECRET);
const provider = inject("testProvider");
const ID = "grant_openapi_1";

type Route = (request: Request, context: unknown) => Promise<Response>;
type Document = {
  openapi: string;
  paths: Record<string, { get: { responses: Record<string, unknown> } }>;
  components: { schemas: Record<string, { properties: Record<string, unknown> }> };
};

async function openApi(request: Request) {
  const { GET } = (await import("@/app/api/v1/openapi.json/route")) as { GET: Route };
  return GET(request, undefined);
}

/** Every route file under app/api/v1, as the URL path it serves ([id] as {id}). */
function apiPaths(dir = path.resolve("app/api/v1"), prefix = "/api/v1"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "route.ts" ? [prefix] : [];
    const segment = entry.name.replace(/^\[(\w+)\]$/, "{$1}");
    return apiPaths(path.join(dir, entry.name), `${prefix}/${segment}`);
  });
}

beforeAll(async () => {
  await deliver(grantEvent("created", { id: ID, updated_at: "2026-03-07T10:00:00Z" }));
});

describe(`GET /api/v1/openapi.json (${provider})`, () => {
  it("refuses a request with neither session nor API key", async () => {
    const response = await openApi(new Request("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(401);
  });

  it("describes every /api/v1 route, and the grant by the fields a real answer has", async () => {
    const response = await openApi(await withApiKey("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const doc = JSON.parse(await response.text()) as Document;
    expect(doc.openapi).toBe("3.1.0");
    const routes = apiPaths();
    expect(routes).toContain("/api/v1/grants/{id}/license-key");
    expect(Object.keys(doc.paths).sort()).toEqual(routes.sort());
    expect(doc.paths["/api/v1/grants/export"]!.get.responses["200"]).toMatchObject({
      content: { "text/csv": {} },
    });

    const { GET } = (await import("@/app/api/v1/grants/[id]/route")) as { GET: Route };
    const grant = (await (
      await GET(await withApiKey(`http://localhost/api/v1/grants/${ID}`), {
        params: Promise.resolve({ id: ID }),
      })
    ).json()) as Record<string, unknown> & { events: Record<string, unknown>[] };
    const { Grant, GrantEvent } = doc.components.schemas;
    expect(Object.keys(Grant!.properties).sort()).toEqual(Object.keys(grant).sort());
    expect(Object.keys(GrantEvent!.properties).sort()).toEqual(
      Object.keys(grant.events[0]!).sort(),
    );
  });
});
