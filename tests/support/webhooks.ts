// Calls the real webhook route handler with signed deliveries.
import { signDelivery, newWebhookId } from "@/lib/webhooks/sign";
import { testViewer } from "./viewers";

export const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const OTHER_SECRET = "whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24=";

/** Must run before the first lib/ call reads the environment. */
export function configureWebhookSecrets(...secrets: string[]) {
  process.env.DODO_PAYMENTS_WEBHOOK_KEY = secrets.join(" ");
}

export type DeliveryOptions = {
  id?: string;
  secret?: string;
  at?: Date;
  headers?: Record<string, string | null>;
};

export function signedRequest(body: string, options: DeliveryOptions = {}): Request {
  const signed = signDelivery(
    options.secret ?? SECRET,
    body,
    options.id ?? newWebhookId(),
    options.at ?? new Date(),
  );
  const headers = new Headers({ "content-type": "application/json", ...signed });
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return new Request("http://localhost/api/webhooks/dodo", { method: "POST", headers, body });
}

export async function deliver(envelope: unknown, options: DeliveryOptions = {}) {
  const body = typeof envelope === "string" ? envelope : JSON.stringify(envelope);
  const { POST } = await import("@/app/api/webhooks/dodo/route");
  const response = await POST(signedRequest(body, options));
  return {
    status: response.status,
    body: (await response.json()) as { ok?: boolean; outcome?: string; error?: string },
    headers: response.headers,
  };
}

export async function readGrant(id: string) {
  // In the API's wire shape: the tests check what Dodo sent against what the API answers.
  const { getGrantWithDeliveries } = await import("@/lib/grants/queries/grant-detail");
  const { toGrantJson } = await import("@/lib/api/grant-json");
  const grant = await getGrantWithDeliveries(testViewer("support"), id);
  return grant && toGrantJson(grant);
}

/** A grant envelope with sensible defaults; override any field of the envelope or of data. */
export function grantEvent(
  type: string,
  data: Record<string, unknown> & { id: string; updated_at: string },
  timestamp = data.updated_at,
) {
  return {
    business_id: "bus_test",
    type: `entitlement_grant.${type}`,
    timestamp,
    data: {
      payload_type: "EntitlementGrant",
      business_id: "bus_test",
      customer_id: "cus_test",
      entitlement_id: "ent_test",
      status: "Pending",
      metadata: {},
      created_at: "2026-03-01T10:00:00Z",
      ...data,
    },
  };
}
