import { openApiDocument } from "@/lib/api/openapi";
import { guardRoute } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of /api/v1, generated from the routes' response schemas. */
export const GET = guardRoute("grants:read", async () =>
  Response.json(openApiDocument(), { headers: { "Cache-Control": "no-store" } }),
);
