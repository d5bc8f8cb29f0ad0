// The OpenAPI 3.1 description of /api/v1, generated from the response schemas (v1-schemas.ts)
// and the list's query schema, so the description cannot drift from what the routes answer.
import { z } from "zod";
import { grantFilterSchema } from "@/lib/grants/grant-filters";
import {
  errorJsonSchema,
  grantChangesJsonSchema,
  grantEventJsonSchema,
  grantListItemJsonSchema,
  grantJsonSchema,
  grantListJsonSchema,
  licenseKeyJsonSchema,
  statsJsonSchema,
} from "./v1-schemas";

const COMPONENTS = {
  Error: errorJsonSchema,
  GrantList: grantListJsonSchema,
  GrantListItem: grantListItemJsonSchema,
  Grant: grantJsonSchema,
  GrantEvent: grantEventJsonSchema,
  LicenseKey: licenseKeyJsonSchema,
  GrantChanges: grantChangesJsonSchema,
  Stats: statsJsonSchema,
};

const ref = (name: keyof typeof COMPONENTS) => ({ $ref: `#/components/schemas/${name}` });

/** Each schema once under components, nested named schemas (GrantListItem…) by $ref. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  });
  // OpenAPI 3.1 takes JSON Schema 2020-12 as is, minus the per-document $schema and $id.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
  );
}

const FILTER_HELP: Partial<Record<keyof typeof grantFilterSchema.shape, string>> = {
  q: "Search: grant, customer, subscription, payment or entitlement id, or a key's last 4",
  created_from: "YYYY-MM-DD",
  created_to: "YYYY-MM-DD",
  updated_from: "YYYY-MM-DD",
  updated_to: "YYYY-MM-DD",
  sort: "updated or created; created by default when a created range is given",
  dir: "desc (default) or asc",
  size: "25, 50 (default) or 100",
  after: "next_cursor of the previous answer",
  before: "prev_cursor of the previous answer",
};

const filterParameters = Object.keys(grantFilterSchema.shape).map((name) => ({
  name,
  in: "query",
  required: false,
  schema: { type: name === "size" ? "integer" : "string" },
  ...(FILTER_HELP[name as keyof typeof FILTER_HELP]
    ? { description: FILTER_HELP[name as keyof typeof FILTER_HELP] }
    : {}),
}));

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };

const json = (name: keyof typeof COMPONENTS, description: string) => ({
  description,
  content: { "application/json": { schema: ref(name) } },
});

const refusals = {
  "400": json("Error", "A query the API cannot take, each problem named"),
  "401": json("Error", "Neither a session nor an API key"),
  "403": json("Error", "Signed in without the right to read grants"),
};
const notFound = { "404": json("Error", "No such grant (or, for the key, none on the grant)") };

function get(summary: string, responses: Record<string, unknown>, parameters: unknown[] = []) {
  return { get: { summary, parameters, responses: { ...responses, ...refusals } } };
}

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Grantdesk API",
      version: "1",
      description:
        "Dodo Payments entitlement grants as Grantdesk holds them, in Dodo's field names. " +
        "Every route needs a signed-in session or an API key.",
    },
    security: [{ sessionCookie: [] }, { apiKey: [] }],
    paths: {
      "/api/v1/grants": get(
        "The grants list, a page at a time",
        {
          "200": json("GrantList", "A page of grants"),
        },
        filterParameters,
      ),
      "/api/v1/grants/{id}": get(
        "One grant with its deliveries",
        { "200": json("Grant", "The grant"), ...notFound },
        [
          idParameter,
          {
            name: "include",
            in: "query",
            required: false,
            description: "license_key: add the full key (written to the audit log as a reveal)",
            schema: { type: "string", enum: ["license_key"] },
          },
        ],
      ),
      "/api/v1/grants/{id}/license-key": get(
        "The grant's full license key (audited as a reveal)",
        { "200": json("LicenseKey", "The key"), ...notFound },
        [idParameter],
      ),
      "/api/v1/grants/changes": get(
        "How many grants matching the filter changed since an instant",
        { "200": json("GrantChanges", "The count") },
        [
          {
            name: "since",
            in: "query",
            required: true,
            description: "ISO 8601 instant",
            schema: { type: "string", format: "date-time" },
          },
          ...filterParameters,
        ],
      ),
      "/api/v1/grants/export": get(
        "The whole filtered list as CSV (every row; keys by their last 4 characters only)",
        {
          "200": {
            description: "CSV with a header row, streamed",
            content: { "text/csv": { schema: { type: "string" } } },
          },
        },
        filterParameters,
      ),
      "/api/v1/stats": get("The overview's figures", { "200": json("Stats", "The figures") }),
      "/api/v1/openapi.json": get("This description", {
        "200": {
          description: "OpenAPI 3.1",
          content: { "application/json": { schema: { type: "object" } } },
        },
      }),
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "better-auth.session_token",
          description: "The dashboard's session (__Secure- prefixed over https)",
        },
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key from /settings/api-keys: Authorization: Bearer gd_…",
        },
      },
    },
  };
}
