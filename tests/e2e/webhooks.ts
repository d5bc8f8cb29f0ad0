// Lets a spec create its own grants the way production does: a signed POST to the webhook route.
import type { APIRequestContext } from "@playwright/test";
import { signDelivery } from "../../lib/webhooks/sign";
import { E2E_WEBHOOK_SECRET } from "./e2e-env";

export async function sendWebhook(
  request: APIRequestContext,
  envelope: unknown,
): Promise<{ status: number; outcome?: string }> {
  const body = JSON.stringify(envelope);
  const response = await request.post("/api/webhooks/dodo", {
    headers: { "content-type": "application/json", ...signDelivery(E2E_WEBHOOK_SECRET, body) },
    data: body,
  });
  const json = (await response.json()) as { outcome?: string };
  return { status: response.status(), outcome: json.outcome };
}
